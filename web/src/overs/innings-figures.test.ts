import { describe, expect, it } from 'vitest';
import { chaseInProgress } from '../test-support/fixtures.ts';
import { simulatedMatch } from '../test-support/simulated-match.ts';
import { ballLabel, inningsFigures, partnershipOf, runRate, thisOverOf } from './innings-figures.ts';

describe('the figures under a live chase', () => {
  it('give the run rate, the target, the rate required and the stand since the last wicket', () => {
    // 148/6 in 38.2 overs chasing 177 in 50: 29 needed from 70 balls; the sixth wicket fell at 118.
    expect(inningsFigures(chaseInProgress(), undefined, 50)).toEqual({
      live: true,
      runRate: '3.86',
      target: 177,
      requiredRate: '2.49',
      partnership: { runs: 30, batters: ['T Priestley', 'W Firth'] },
      thisOver: { over: 39, bowled: 2, balls: null, fromStart: false },
    });
  });

  it('leave the partnership unknown when the fall of wickets has not caught up with the total', () => {
    const card = chaseInProgress();
    const innings = card.innings[1]!;
    expect(partnershipOf({ ...innings, total: { ...innings.total, wickets: 7 } })).toBeNull();
  });

  it('show rates to two places, and none before a ball is bowled', () => {
    expect(runRate(45, 62)).toBe('4.35');
    expect(runRate(0, 0)).toBeNull();
  });
});

describe('this over', () => {
  const match = simulatedMatch({ matchId: '7000001', teamId: 'firstTeam', seed: 23, oversPerSide: 20 });
  const at = match.stateWhere((s) => s.innings.length === 2 && s.innings[1]!.legalBalls === 62);

  it("takes the balls from the over history when it describes the scorecard's moment", () => {
    const history = match.historyOf(match.scorecards.slice(0, at + 1));
    const over = thisOverOf(match.scorecards[at]!.innings[1]!, history.innings[1]);
    expect(over).toMatchObject({ over: 11, bowled: 2, fromStart: true });
    expect(over?.balls?.filter((b) => !b.startsWith('+'))).toHaveLength(2);
  });

  it('says only how many balls are bowled when the history is from another moment', () => {
    const older = match.historyOf(match.scorecards.slice(0, at));
    expect(thisOverOf(match.scorecards[at]!.innings[1]!, older.innings[1])).toEqual({
      over: 11,
      bowled: 2,
      balls: null,
      fromStart: false,
    });
  });

  it('writes each delivery as a scorer does', () => {
    expect([
      ballLabel({ legal: 1, runs: 0, wickets: 0 }),
      ballLabel({ legal: 1, runs: 4, wickets: 0 }),
      ballLabel({ legal: 0, runs: 1, wickets: 0 }),
      ballLabel({ legal: 1, runs: 0, wickets: 1 }),
      ballLabel({ legal: 1, runs: 1, wickets: 1 }),
      ballLabel({ legal: 2, runs: 3, wickets: 0 }),
    ]).toEqual(['0', '4', '+1', 'W', 'W+1', '3 in 2']);
  });
});
