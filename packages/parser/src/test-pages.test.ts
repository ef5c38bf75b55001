import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMatchPage } from './match-page.ts';
import { TEST_PAGES_DIR, readTestPage } from './test-pages.ts';

/** "33.4" → 202 balls. */
const balls = (overs: string) => {
  const [whole = '0', part = '0'] = overs.split('.');
  return Number(whole) * 6 + Number(part);
};

const scorecardPages = readdirSync(TEST_PAGES_DIR).filter((name) => /^\d\d-.*\.html$/.test(name));

const inningsOfEveryPage = scorecardPages.flatMap((name) =>
  parseMatchPage(readTestPage(name), {
    teamId: 'firstTeam',
    url: 'https://bradfordcl.play-cricket.com/website/results/6123499',
  }).innings.map((innings, i) => [name, i + 1, innings] as const),
);

describe('the hand-written test pages', () => {
  it('cover at least ten match situations', () => {
    expect(scorecardPages.length).toBeGreaterThanOrEqual(10);
  });

  it.each(inningsOfEveryPage)(
    '%s innings %i adds up: runs + extras = total, dismissals = wickets, overs bowled = overs',
    (_page, _number, innings) => {
      const runs = innings.batting.reduce((sum, b) => sum + (b.runs ?? 0), 0);
      expect(runs + (innings.extras ?? 0)).toBe(innings.total.runs);
      expect(innings.batting.filter((b) => b.out)).toHaveLength(innings.total.wickets);
      if (innings.total.overs !== null) {
        const bowled = innings.bowling.reduce((sum, b) => sum + balls(b.overs), 0);
        expect(bowled).toBe(balls(innings.total.overs));
      }
    },
  );
});
