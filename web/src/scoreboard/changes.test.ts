import { describe, expect, it } from 'vitest';
import { chaseInProgress } from '../test-support/fixtures.ts';
import { afterBall } from '../test-support/scorecard-builder.ts';
import { announcements, changedRows } from './changes.ts';

describe('change detection', () => {
  it('marks nothing as changed the first time a match is seen', () => {
    expect(changedRows(undefined, chaseInProgress())).toEqual(new Set());
    expect(announcements(undefined, chaseInProgress())).toEqual([]);
  });

  it('finds the striker, the bowler, the total and the summary after a boundary', () => {
    const before = chaseInProgress();
    expect(changedRows(before, afterBall(before, { runs: 4 }))).toEqual(
      new Set(['1:bat:T Priestley', '1:bowl:H Brook', '1:total', 'summary']),
    );
  });

  it('announces a wicket with the batter, how out and the score, but not runs', () => {
    const before = chaseInProgress();
    expect(announcements(before, afterBall(before, { runs: 4 }))).toEqual([]);
    expect(announcements(before, afterBall(before, { runs: 0, howOut: 'lbw b H Brook' }))).toEqual([
      'Wicket! T Priestley lbw b H Brook 24. Cleckheaton 148/7 (38.3 ov)',
    ]);
  });

  it('announces a new result once', () => {
    const before = chaseInProgress();
    const finished = { ...before, status: 'complete' as const, result: 'Bradford & Bingley WON BY 28 RUNS' };
    expect(announcements(before, finished)).toEqual(['Result: Bradford & Bingley WON BY 28 RUNS']);
    expect(announcements(finished, { ...finished, seq: finished.seq + 1 })).toEqual([]);
  });
});
