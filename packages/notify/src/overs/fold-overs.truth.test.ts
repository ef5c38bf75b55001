import type { OverFold, OverHistory, Scorecard } from '@live-scores/schema';
import {
  playMatch,
  truthCaptures,
  truthOverEnds,
  type MatchTimeline,
  type TruthOverEnd,
} from '@live-scores/simulator';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../test-support.ts';
import { foldOvers, overHistoryOf } from './fold-overs.ts';

/*
 * The simulator plays every ball, so it knows each innings' total at the end of every over:
 * the first state whose legal balls reach the over's sixth. The history folded from its
 * scorecards must agree with that wherever it names an over, and name every over when no
 * scorecard was lost.
 */

const home = { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' };
const away = { club: 'Scholes CC', text: 'Scholes CC - 1st XI' };
const start = Date.parse('2026-06-13T13:00:00.000Z');

const capturesOf = (timeline: MatchTimeline): Scorecard[] =>
  truthCaptures(timeline, {
    matchId: '7000001',
    teamId: 'firstTeam',
    url: 'http://127.0.0.1:8081/website/results/7000001',
    startMs: start,
  });

type Truth = TruthOverEnd[][];

const fold = (cards: readonly Scorecard[]): OverFold =>
  cards.reduce<OverFold | undefined>(foldOvers, undefined)!;

/** Every over the history names, checked against the truth: the wrong ones, and how many were gaps. */
function against(history: OverHistory, truth: Truth, final: boolean): { wrong: unknown[]; gaps: number } {
  const wrong: unknown[] = [];
  let gaps = 0;
  history.innings.forEach((inn, i) => {
    if (final && inn.overs.length !== truth[i]!.length) wrong.push({ innings: i, overs: inn.overs.length });
    inn.overs.forEach((slot, o) => {
      const expected = truth[i]![o];
      if ('gap' in slot) gaps++;
      else if (slot.over !== o + 1 || slot.runs !== expected?.runs || slot.wickets !== expected.wickets)
        wrong.push({ innings: i, slot, expected });
    });
  });
  return { wrong, gaps };
}

function jumble<T>(items: readonly T[], seed: number, { drop = 0, repeat = 0 } = {}): T[] {
  const random = seededRandom(seed);
  return items
    .flatMap((item) => (random() < drop ? [] : random() < repeat ? [item, item] : [item]))
    .map((item) => ({ item, at: random() }))
    .sort((a, b) => a.at - b.at)
    .map((d) => d.item);
}

const matches = [
  { seed: 7, oversPerSide: 20 },
  { seed: 19, oversPerSide: 20, outcome: 'tie' as const },
  { seed: 23, oversPerSide: 40 },
  { seed: 88, oversPerSide: 20, outcome: 'no-result' as const },
  { seed: 2026, oversPerSide: 50 },
];

describe.each(matches)('the over history of simulated match %o', (settings) => {
  const timeline = playMatch({ ...settings, home, away });
  const cards = capturesOf(timeline);
  const truth = truthOverEnds(timeline);
  const complete = fold(cards);

  it('names the end of every over, as the simulator played it, from every scorecard in order', () => {
    expect(against(overHistoryOf(complete), truth, true)).toEqual({ wrong: [], gaps: 0 });
    const last = timeline.states.at(-1)!;
    expect(overHistoryOf(complete).innings.map((i) => i.latest)).toEqual(
      last.innings.map((i) => ({ legalBalls: i.legalBalls, runs: i.runs, wickets: i.wickets })),
    );
  });

  it('agrees with the simulator after every ball, with the balls of the over in progress', () => {
    let folded: OverFold | undefined;
    for (const [n, card] of cards.entries()) {
      folded = foldOvers(folded, card);
      const history = overHistoryOf(folded);
      const state = timeline.states[n]!;
      const sofar = state.innings.map((inn, i) => truth[i]!.slice(0, Math.floor(inn.legalBalls / 6)));
      const checked = against(history, sofar, true);
      if (checked.wrong.length > 0 || checked.gaps > 0)
        expect({ ball: n, ...checked }).toEqual({ ball: n, wrong: [], gaps: 0 });
      const inn = state.innings.at(-1);
      const now = history.innings.at(-1)?.thisOver;
      if (inn && now) {
        const over = truth[state.innings.length - 1]![now.over - 2] ?? { runs: 0, wickets: 0 };
        const sum = (key: 'legal' | 'runs') => now.balls.reduce((total, b) => total + b[key], 0);
        const seen = { fromStart: now.fromStart, legal: sum('legal'), runs: sum('runs') };
        const played = {
          fromStart: true,
          legal: inn.legalBalls - (now.over - 1) * 6,
          runs: inn.runs - over.runs,
        };
        if (JSON.stringify(seen) !== JSON.stringify(played))
          expect({ ball: n, ...seen }).toEqual({ ball: n, ...played });
      }
    }
  });

  it('comes to the same state from the scorecards duplicated and shuffled', () => {
    for (const seed of [1, 2, 3]) expect(fold(jumble(cards, seed, { repeat: 0.3 }))).toEqual(complete);
  });

  it('shows a gap, never a wrong figure, where scorecards were dropped, duplicated and shuffled', () => {
    for (const [seed, drop] of [
      [4, 0.2],
      [5, 0.5],
      [6, 0.8],
    ] as const) {
      const history = overHistoryOf(fold(jumble(cards, seed, { drop, repeat: 0.3 })));
      const { wrong, gaps } = against(history, truth, false);
      const named = history.innings.flatMap((i) => i.overs).length - gaps;
      expect({ drop, wrong }).toEqual({ drop, wrong: [] });
      expect(gaps).toBeGreaterThan(0);
      expect(named).toBeGreaterThan(0);
      // Losing one scorecard in five still leaves most overs known.
      if (drop === 0.2) expect(named).toBeGreaterThan(gaps);
    }
  });
});
