import type { InningsOvers } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { simulatedMatch } from '../test-support/simulated-match.ts';
import { manhattanBars, niceScale, wormLine } from './chart-series.ts';

const match = simulatedMatch({ matchId: '7000001', teamId: 'firstTeam', seed: 23, oversPerSide: 20 });
const all = match.historyOf(match.scorecards);
const truth = match.overEnds(match.scorecards.length - 1);

const innings = (overs: InningsOvers['overs'], latest: InningsOvers['latest']): InningsOvers => ({
  team: 'Cleckheaton',
  overs,
  latest,
  thisOver: null,
});

/** Four overs, the end of the second never seen (a wicket fell in it or the third). */
const WITH_A_GAP: InningsOvers['overs'] = [
  { over: 1, runs: 4, wickets: 0 },
  { over: 2, gap: true },
  { over: 3, runs: 15, wickets: 1 },
  { over: 4, runs: 20, wickets: 1 },
];

describe('the worm', () => {
  it('is one unbroken line from 0 through every over end when none is missing, a dot at each over a wicket fell in', () => {
    all.innings.forEach((inn, i) => {
      const line = wormLine(inn);
      expect(line.segments).toHaveLength(1);
      expect(line.segments[0]).toEqual([
        { over: 0, runs: 0 },
        ...truth[i]!.map((e, o) => ({ over: o + 1, runs: e.runs })),
      ]);
      expect(line.wickets.reduce((sum, w) => sum + w.fell, 0)).toBe(inn.latest.wickets);
    });
  });

  it('breaks at a gap and never joins the points either side of it', () => {
    const line = wormLine(innings(WITH_A_GAP, { legalBalls: 26, runs: 22, wickets: 2 }));
    expect(line.segments).toEqual([
      [
        { over: 0, runs: 0 },
        { over: 1, runs: 4 },
      ],
      [
        { over: 3, runs: 15 },
        { over: 4, runs: 20 },
        { over: 26 / 6, runs: 22 },
      ],
    ]);
    // The wicket in the gap cannot be placed; the one since over 4 can.
    expect(line.wickets).toEqual([{ over: 26 / 6, runs: 22, fell: 1 }]);
  });

  it('shows the score now as a lone dot when the over before it is a gap', () => {
    const line = wormLine(innings([{ over: 1, gap: true }], { legalBalls: 8, runs: 9, wickets: 0 }));
    expect(line.segments).toEqual([[{ over: 0, runs: 0 }], [{ over: 8 / 6, runs: 9 }]]);
  });
});

describe('the Manhattan', () => {
  it('has a bar of the runs and wickets of every over, as the simulator bowled them', () => {
    all.innings.forEach((inn, i) =>
      manhattanBars(inn).forEach((bar, o) => {
        const before = truth[i]![o - 1] ?? { runs: 0, wickets: 0 };
        const end = truth[i]![o]!;
        expect(bar).toEqual({
          over: o + 1,
          runs: end.runs - before.runs,
          wickets: end.wickets - before.wickets,
        });
      }),
    );
  });

  it('leaves out the gap and the over after it, whose start is not known', () => {
    const bars = manhattanBars(
      innings(WITH_A_GAP, {
        legalBalls: 24,
        runs: 20,
        wickets: 1,
      }),
    );
    expect(bars).toEqual([
      { over: 1, runs: 4, wickets: 0 },
      { over: 2, gap: true },
      { over: 3, gap: true },
      { over: 4, runs: 5, wickets: 0 },
    ]);
  });
});

describe('an axis scale', () => {
  it('rounds up to a step a supporter reads at a glance', () => {
    expect(niceScale(177)).toEqual({ top: 200, step: 50 });
    expect(niceScale(23, 3)).toEqual({ top: 30, step: 10 });
    expect(niceScale(0)).toEqual({ top: 1, step: 1 });
  });
});
