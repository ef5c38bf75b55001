import { describe, expect, it } from 'vitest';
import { findFirst, loadDocument, withClass } from './dom.ts';
import { readOutcome } from './status.ts';

/** The header element of a header whose status line is `statusLine`. */
function header(statusLine: string) {
  const document = loadDocument(
    `<div class="container main-header"><div class="match-head">${statusLine}</div></div>`,
  );
  return findFirst(document, withClass('main-header'));
}

const line = (winner: string, words: string) =>
  `<div class="status-line"><span class="team-won">${winner}</span><span class="match-status">${words}</span></div>`;

describe('readOutcome', () => {
  it.each([
    ['Cleckheaton CC - 1st XI', 'WON BY 8 WICKETS', 'Cleckheaton WON BY 8 WICKETS'],
    ['Scholes CC - 2nd XI', 'WON BY 35 RUNS', 'Scholes WON BY 35 RUNS'],
    ['Farsley CC', 'won by 2 wickets (DLS)', 'Farsley WON BY 2 WICKETS (DLS)'],
    ['Woodlands CC - 1st XI', 'MATCH CONCEDED', 'Woodlands MATCH CONCEDED'],
    ['', 'MATCH TIED', 'MATCH TIED'],
    ['', 'MATCH ABANDONED', 'MATCH ABANDONED'],
    ['Scholes CC - 1st XI', 'NO RESULT', 'NO RESULT'],
    ['', 'MATCH DRAWN', 'MATCH DRAWN'],
  ])('reads "%s" + "%s" as complete: "%s"', (winner, words, result) => {
    expect(readOutcome(header(line(winner, words)), 2)).toEqual({ status: 'complete', result });
  });

  it('reads IN PROGRESS as in progress, even before an innings shows', () => {
    expect(readOutcome(header(line('', 'IN PROGRESS')), 0)).toEqual({ status: 'in-progress', result: null });
  });

  it('names no winner when the status is itself the first child', () => {
    const statusFirst =
      '<div><span class="match-status">WON BY 8 WICKETS</span><span>Cleckheaton CC</span></div>';
    expect(readOutcome(header(statusFirst), 2)).toEqual({ status: 'complete', result: 'WON BY 8 WICKETS' });
  });

  it.each([
    ['no status element', ''],
    ['an empty status', line('', '  ')],
    ['status words that are not a result', line('', 'TEA')],
  ])('with %s, is not started before any innings and in progress after', (_, statusLine) => {
    expect(readOutcome(header(statusLine), 0)).toEqual({ status: 'not-started', result: null });
    expect(readOutcome(header(statusLine), 1)).toEqual({ status: 'in-progress', result: null });
  });

  it('reads a scorecard without a header by its innings alone', () => {
    expect(readOutcome(undefined, 1)).toEqual({ status: 'in-progress', result: null });
  });
});
