import { describe, expect, it } from 'vitest';
import { chaseInProgress, completedMatch, waitingForPlay } from '../test-support/fixtures.ts';
import { afterBall } from '../test-support/scorecard-builder.ts';
import { chaseFor, chaseText, inningsSummary, matchPhase, matchSummary } from './summary.ts';

describe('summary lines', () => {
  it('reads "Team runs/wickets (overs ov)" for an innings', () => {
    expect(inningsSummary(chaseInProgress().innings[1]!)).toBe('Cleckheaton 148/6 (38.2 ov)');
  });

  it('says "all out" when ten wickets have fallen', () => {
    expect(inningsSummary(completedMatch().innings[0]!)).toBe('Farsley 142 all out (41.3 ov)');
  });

  it('adds what the chasing side needs, counting balls left from the overs per side', () => {
    expect(matchSummary(chaseInProgress(), 50)).toBe('Cleckheaton 148/6 (38.2 ov), need 29 from 70 balls');
    expect(chaseFor(chaseInProgress(), 40)).toEqual({ runsNeeded: 29, ballsLeft: 10 });
  });

  it('says "1 ball" in the singular', () => {
    expect(chaseText({ runsNeeded: 3, ballsLeft: 1 })).toBe('need 3 from 1 ball');
  });

  it('has no chase once the target is passed, the overs are used up or the match is over', () => {
    expect(chaseFor(afterBall(chaseInProgress(), { runs: 29 }), 50)).toBeNull();
    expect(chaseFor(chaseInProgress(), 38)).toBeNull();
    expect(chaseFor(completedMatch(), 50)).toBeNull();
  });

  it('tells waiting, live and finished matches apart', () => {
    expect([waitingForPlay(), chaseInProgress(), completedMatch()].map(matchPhase)).toEqual([
      'waiting',
      'live',
      'complete',
    ]);
    expect(matchSummary(waitingForPlay(), 50)).toBeNull();
  });
});
