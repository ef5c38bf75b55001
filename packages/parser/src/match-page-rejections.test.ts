import { describe, expect, it } from 'vitest';
import { ScorecardParseError } from './errors.ts';
import { parseMatchPage } from './match-page.ts';
import { readTestPage } from './test-pages.ts';

const URL_6123456 = 'https://bradfordcl.play-cricket.com/website/results/6123456';

/** The reason parseMatchPage gave for refusing `html`, failing the test if it did not refuse. */
function reasonFor(
  html: string,
  source: Parameters<typeof parseMatchPage>[1] = { teamId: 'firstTeam', url: URL_6123456 },
) {
  try {
    parseMatchPage(html, source);
  } catch (error) {
    expect(error).toBeInstanceOf(ScorecardParseError);
    const { reason } = error as ScorecardParseError;
    expect(reason).not.toContain('\n');
    return reason;
  }
  throw new Error('expected the page to be rejected, but it parsed');
}

/** The completed test page with one fragment of markup replaced. */
function completedPageWith(search: string, replacement: string): string {
  const page = readTestPage('07-won-by-wickets.html');
  expect(page).toContain(search);
  return page.replace(search, replacement);
}

describe('parseMatchPage rejects what is not a scorecard', () => {
  it('rejects an empty file', () => {
    expect(reasonFor(readTestPage('reject-empty.html'))).toBe('the page is empty');
  });

  it('rejects a random HTML page, naming what a match page has', () => {
    expect(reasonFor(readTestPage('reject-random-page.html'))).toBe(
      'not a match page: it has neither the match header (.container.main-header) nor the scorecard (#nvScorecardTab)',
    );
  });

  it('rejects a truncated innings with no total, naming the innings', () => {
    expect(reasonFor(readTestPage('reject-garbled-innings.html'))).toBe(
      'innings 1 (Scholes): no extras and total below the batting',
    );
  });

  it('rejects a total it cannot read', () => {
    const page = completedPageWith('105 for 2 (24.3 Overs, 98 mins)', 'see scorer');
    expect(reasonFor(page)).toMatch(/^innings 2 \(Cleckheaton\): total "see scorer" is not a score/);
  });

  it('rejects a garbled figure, naming the batter', () => {
    const page = completedPageWith(
      '<div class="nvp-scorecard__runs">37</div>',
      '<div class="nvp-scorecard__runs">3?</div>',
    );
    expect(reasonFor(page)).toBe('innings 1 (Scholes), batter "S Mahmood" runs: "3?" is not a whole number');
  });

  it('rejects figures the schema refuses, with the field path', () => {
    const page = completedPageWith(
      '<div class="nvp-scorecard__overs">10.4</div>',
      '<div class="nvp-scorecard__overs">10.7</div>',
    );
    expect(reasonFor(page)).toBe(
      'not a valid scorecard: innings[0].bowling[0].overs: expected overs like "33" or "33.4"',
    );
  });

  it('rejects a bowler row with no wickets figure rather than guessing zero', () => {
    const page = completedPageWith(
      '<div class="nvp-scorecard__wickets">5</div>',
      '<div class="nvp-scorecard__wickets"></div>',
    );
    expect(reasonFor(page)).toMatch(/^not a valid scorecard: innings\[0\]\.bowling\[0\]\.wickets: /);
  });

  it('rejects a scorecard whose innings tabs and innings blocks do not pair up', () => {
    const page = completedPageWith('<a class="nvp-innings__tab-team" href="#inn2">Cleckheaton CC</a>', '');
    expect(reasonFor(page)).toBe('the scorecard names 1 batting sides but has 2 innings blocks');
  });

  it('asks for --url when a fragments-only page does not say which match it is', () => {
    expect(reasonFor(readTestPage('12-fragments-only.html'), { teamId: 'secondTeam' })).toBe(
      'the page does not say which match it is: pass --url with the match page URL',
    );
  });

  it('asks for a match URL when the one given has no match id', () => {
    const page = readTestPage('12-fragments-only.html');
    expect(reasonFor(page, { teamId: 'secondTeam', url: 'https://bradfordcl.play-cricket.com/' })).toMatch(
      /^no match id in "https:\/\/bradfordcl\.play-cricket\.com\/": pass --url/,
    );
  });

  it('rejects a team id the schema refuses', () => {
    expect(reasonFor(readTestPage('02-first-ball.html'), { teamId: '1st XI' })).toMatch(
      /^not a valid scorecard: teamId: /,
    );
  });
});
