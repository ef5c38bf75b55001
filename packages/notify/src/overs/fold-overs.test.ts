import { OverFold, OverHistory, type Bowler, type Scorecard } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { bowler, capturedAt, innings, scorecard } from '../test-support.ts';
import { foldOvers, overHistoryOf } from './fold-overs.ts';

/** Scholes batting: the total after `overs`, and the bowlers' figures then. */
function card(seq: number, overs: string, runs: number, wickets: number, bowling: Bowler[]): Scorecard {
  return scorecard({ seq, innings: [innings('Scholes', { runs, wickets, overs, bowling })] });
}

const historyOf = (cards: readonly Scorecard[]): OverHistory =>
  overHistoryOf(cards.reduce<OverFold | undefined>(foldOvers, undefined)!);

// Over 1 by Ahmed (7 runs, a wicket off its last ball), over 2 opened by Brook with a wide.
const ahmed = (overs: string, runs: number, wickets = 0) =>
  bowler('Ahmed', { overs, runs, wickets, wides: 0 });
const brook = (overs: string, runs: number, wides = 0) => bowler('Brook', { overs, runs, wides });
const s1 = card(1, '0.4', 4, 0, [ahmed('0.4', 4)]);
const s2 = card(2, '0.5', 7, 0, [ahmed('0.5', 7)]);
const s3 = card(3, '1', 7, 1, [ahmed('1', 7, 1)]);
const s4 = card(4, '1', 8, 1, [ahmed('1', 7, 1), brook('0', 1, 1)]);
const s5 = card(5, '1.1', 12, 1, [ahmed('1', 7, 1), brook('0.1', 5, 1)]);

describe('the over history of a match', () => {
  it("reads each over's end off the scorecard that shows its last ball, and the next over so far", () => {
    const history = historyOf([s1, s2, s3, s4, s5]);
    expect(history.innings).toEqual([
      {
        team: 'Scholes',
        overs: [{ over: 1, runs: 7, wickets: 1 }],
        latest: { legalBalls: 7, runs: 12, wickets: 1 },
        thisOver: {
          over: 2,
          balls: [
            { legal: 0, runs: 1, wickets: 0 },
            { legal: 1, runs: 4, wickets: 0 },
          ],
          fromStart: true,
        },
      },
    ]);
    expect(history.upTo).toEqual({ capturedAt: s5.capturedAt, seq: 5 });
    expect(OverHistory.parse(history)).toEqual(history);
  });

  it('marks an over as a gap when no scorecard showed its end, rather than guessing it', () => {
    const history = historyOf([s1, s5]);
    expect(history.innings[0]!.overs).toEqual([{ over: 1, gap: true }]);
    expect(history.innings[0]!.thisOver).toEqual({ over: 2, balls: [], fromStart: false });
  });

  it("does not take a total that already holds the next over's wide as the over's end", () => {
    expect(historyOf([s2, s4, s5]).innings[0]!.overs).toEqual([{ over: 1, gap: true }]);
  });

  it('fills a gap when the missing scorecard arrives late', () => {
    expect(historyOf([s2, s4, s5, s3]).innings[0]!.overs).toEqual([{ over: 1, runs: 7, wickets: 1 }]);
  });

  it('knows the first over starts from nothing, so its end needs no sighting inside it', () => {
    expect(historyOf([s3]).innings[0]!.overs).toEqual([{ over: 1, runs: 7, wickets: 1 }]);
  });

  it('is the same whatever order and however often the scorecards arrive, and never goes backwards', () => {
    const inOrder = [s1, s2, s3, s4, s5].reduce<OverFold | undefined>(foldOvers, undefined);
    const jumbled = [s5, s3, s5, s1, s4, s2, s3].reduce<OverFold | undefined>(foldOvers, undefined);
    expect(jumbled).toEqual(inOrder);
    const older = foldOvers(inOrder, s2);
    expect(overHistoryOf(older)).toEqual(overHistoryOf(inOrder!));
  });

  it('keeps the first innings when an older scorecard with one innings arrives during the second', () => {
    const chase = scorecard({
      seq: 9,
      innings: [
        innings('Scholes', {
          runs: 12,
          wickets: 1,
          overs: '1.1',
          bowling: [ahmed('1', 7, 1), brook('0.1', 5, 1)],
        }),
        innings('Cleckheaton', {
          runs: 1,
          wickets: 0,
          overs: '0.1',
          bowling: [bowler('Cole', { overs: '0.1', runs: 1 })],
        }),
      ],
    });
    const fold = [s3, chase, s4].reduce<OverFold | undefined>(foldOvers, undefined)!;
    expect(overHistoryOf(fold).innings.map((i) => i.team)).toEqual(['Scholes', 'Cleckheaton']);
    expect(overHistoryOf(fold).innings[1]!.latest).toEqual({ legalBalls: 1, runs: 1, wickets: 0 });
  });

  it('stays the same size while captures move no total: a finished innings seen all through the next', () => {
    const again = (seq: number) => ({ ...s3, seq, capturedAt: capturedAt(seq) });
    const once = foldOvers(undefined, s3);
    const often = Array.from({ length: 200 }, (_, i) => again(10 + i)).reduce(foldOvers, once);
    expect(often.innings[0]!.thisOver).toEqual(once.innings[0]!.thisOver);
    expect(overHistoryOf(often).innings).toEqual(overHistoryOf(once).innings);
    expect(overHistoryOf(often).upTo.seq).toBe(209);
  });

  it("leaves a fold alone for another match's scorecard, and round-trips its stored form", () => {
    const fold = foldOvers(undefined, s3);
    expect(foldOvers(fold, { ...s5, matchId: '999' })).toBe(fold);
    expect(OverFold.parse(JSON.parse(JSON.stringify(fold)))).toEqual(fold);
  });

  it('has no innings before the first ball, and follows the newest team id', () => {
    const history = historyOf([scorecard({ seq: 0, status: 'not-started' })]);
    expect(history).toMatchObject({ matchId: '6123456', teamId: 'firstTeam', innings: [] });
  });
});
