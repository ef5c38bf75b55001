import { compareScorecards } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { chaseInProgress, completedMatch } from '../test-support/fixtures.ts';
import { afterBall } from '../test-support/scorecard-builder.ts';
import { LatestScorecards, isNewerScorecard } from './latest-scorecards.ts';

describe('the latest scorecard of each match', () => {
  it('orders captures exactly as compareScorecards does', () => {
    const a = chaseInProgress();
    const pairs = [
      [afterBall(a, { runs: 1 }), a],
      [a, afterBall(a, { runs: 1 })],
      [{ ...a, seq: a.seq + 1 }, a],
      [a, a],
    ] as const;
    for (const [x, y] of pairs) expect(isNewerScorecard(x, y)).toBe(compareScorecards(x, y) > 0);
  });

  it('never lets an older or repeated capture replace a newer one', () => {
    const store = new LatestScorecards();
    const first = chaseInProgress();
    const second = afterBall(first, { runs: 2 });
    expect(store.offer(second)).toEqual({ accepted: true, previous: undefined });
    expect(store.offer(first)).toEqual({ accepted: false, reason: 'older' });
    expect(store.offer(second)).toEqual({ accepted: false, reason: 'same' });
    expect(store.get(first.matchId)).toBe(second);
  });

  it('groups matches by team and knows whether any is being played', () => {
    const store = new LatestScorecards();
    store.offer(completedMatch());
    expect(store.anyInProgress()).toBe(false);
    store.offer(chaseInProgress());
    expect([...store.byTeam().keys()]).toEqual(['secondTeam', 'firstTeam']);
    expect(store.anyInProgress()).toBe(true);
  });
});
