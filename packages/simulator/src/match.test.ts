import { describe, expect, it } from 'vitest';
import type { InningsState } from './innings.ts';
import type { MatchTimeline } from './match.ts';
import { playMatch } from './match.ts';
import { resultText } from './result.ts';

const home = { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' };
const away = { club: 'Scholes CC', text: 'Scholes CC - 1st XI' };

function finalState(timeline: MatchTimeline) {
  return timeline.states[timeline.states.length - 1]!;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Every figure on the card agrees with every other, as a scorer's book must. */
function expectConsistent(inn: InningsState): void {
  const batRuns = sum(inn.batters.map((b) => b.runs));
  const extras = inn.extras.wides + inn.extras.noBalls + inn.extras.byes + inn.extras.legByes;
  expect(batRuns + extras).toBe(inn.runs);
  expect(sum(inn.bowlers.map((b) => b.runs)) + inn.extras.byes + inn.extras.legByes).toBe(inn.runs);
  expect(sum(inn.bowlers.map((b) => b.legalBalls))).toBe(inn.legalBalls);
  const out = inn.batters.filter((b) => b.status === 'out');
  expect(out).toHaveLength(inn.wickets);
  expect(inn.fallOfWickets).toHaveLength(inn.wickets);
  const runOuts = out.filter((b) => b.dismissal?.kind === 'run-out').length;
  expect(sum(inn.bowlers.map((b) => b.wickets))).toBe(inn.wickets - runOuts);
  expect(inn.batters.filter((b) => b.status === 'in').length).toBeLessThanOrEqual(2);
  for (const b of inn.bowlers) expect(b.legalBalls).toBeLessThanOrEqual(Math.ceil(inn.maxOvers / 5) * 6);
  expect(inn.wickets).toBeLessThanOrEqual(10);
  expect(inn.legalBalls).toBeLessThanOrEqual(inn.maxOvers * 6);
  if (inn.end === 'all-out') expect(inn.wickets).toBe(10);
  if (inn.end === 'overs') expect(inn.legalBalls).toBe(inn.maxOvers * 6);
  if (inn.end === null) {
    expect(inn.wickets).toBeLessThan(10);
    expect(inn.legalBalls).toBeLessThan(inn.maxOvers * 6);
  }
}

/** The bowler of each over, read off the ball-by-ball states. */
function bowlerPerOver(timeline: MatchTimeline, inningsIndex: number): string[] {
  const overs: string[] = [];
  let previous: InningsState | undefined;
  for (const state of timeline.states) {
    const inn = state.innings[inningsIndex];
    if (!inn || inn === previous) continue;
    const before = previous?.legalBalls ?? 0;
    const bowled = inn.bowlers.find(
      (b) => b.legalBalls > (previous?.bowlers.find((p) => p.name === b.name)?.legalBalls ?? 0),
    );
    if (bowled && inn.legalBalls > before) overs[Math.floor(before / 6)] = bowled.name;
    previous = inn;
  }
  return overs;
}

describe('playMatch', () => {
  it('replays exactly the same match, ball for ball, from the same seed', () => {
    const first = playMatch({ seed: 'replay', home, away });
    const again = playMatch({ seed: 'replay', home, away });
    expect(again.states).toEqual(first.states);
    expect(again.states.length).toBeGreaterThan(300);
  });

  it('plays a different match from a different seed', () => {
    const a = finalState(playMatch({ seed: 1, home, away }));
    const b = finalState(playMatch({ seed: 2, home, away }));
    expect(a.innings.map((i) => i.runs)).not.toEqual(b.innings.map((i) => i.runs));
  });

  it('keeps batting, extras, bowling and wickets consistent after every delivery', () => {
    for (const seed of [3, 4, 5]) {
      const timeline = playMatch({ seed, home, away });
      for (const state of timeline.states) for (const inn of state.innings) expectConsistent(inn);
    }
  });

  it('never gives a bowler two overs in a row, nor more than ten in a 50-over innings', () => {
    const timeline = playMatch({ seed: 6, home, away });
    for (const inningsIndex of [0, 1]) {
      const overs = bowlerPerOver(timeline, inningsIndex);
      expect(overs.length).toBeGreaterThan(10);
      overs.forEach((bowler, i) => {
        if (i > 0) expect(bowler).not.toBe(overs[i - 1]);
      });
      const counts = new Map<string, number>();
      for (const bowler of overs) counts.set(bowler, (counts.get(bowler) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(10);
    }
  });

  it('ends every innings on ten wickets, the overs, or the target', () => {
    for (const seed of [7, 8, 9, 10]) {
      const [first, second] = finalState(playMatch({ seed, home, away })).innings;
      expect(['all-out', 'overs']).toContain(first!.end);
      expect(['all-out', 'overs', 'target']).toContain(second!.end);
    }
  });

  it('stops the chase on the ball that passes the target, and the chasers win by wickets', () => {
    const wins = [11, 12, 13, 14, 15, 16]
      .map((seed) => playMatch({ seed, home, away }))
      .filter((t) => finalState(t).result?.kind === 'won-by-wickets');
    expect(wins.length).toBeGreaterThan(0);
    for (const timeline of wins) {
      const end = finalState(timeline);
      const [first, chase] = end.innings;
      expect(chase!.end).toBe('target');
      expect(chase!.runs).toBeGreaterThan(first!.runs);
      const ballBefore = timeline.states[timeline.states.length - 2]!.innings[1]!;
      expect(ballBefore.runs).toBeLessThanOrEqual(first!.runs);
      expect(end.result!.margin).toBe(10 - chase!.wickets);
    }
  });

  it('produces wins by runs and by wickets over a handful of seeds, worded as the site words them', () => {
    const texts = [17, 18, 19, 20, 21, 22, 23, 24].map((seed) => {
      const t = playMatch({ seed, home, away });
      return resultText(t, finalState(t).result!);
    });
    expect(texts.some((t) => /^(Cleckheaton|Scholes) WON BY \d+ RUNS?$/.test(t))).toBe(true);
    expect(texts.some((t) => /^(Cleckheaton|Scholes) WON BY \d+ WICKETS?$/.test(t))).toBe(true);
  });

  it('ends a forced tie with the scores level and says MATCH TIED', () => {
    const timeline = playMatch({ seed: 2, home, away, outcome: 'tie' });
    const end = finalState(timeline);
    const [first, second] = end.innings;
    expect(second!.runs).toBe(first!.runs);
    expect(['all-out', 'overs']).toContain(second!.end);
    expect(resultText(timeline, end.result!)).toBe('MATCH TIED');
    for (const state of timeline.states) for (const inn of state.innings) expectConsistent(inn);
  });

  it('abandons a match during the first innings and says MATCH ABANDONED', () => {
    const timeline = playMatch({ seed: 3, home, away, outcome: 'abandoned' });
    const end = finalState(timeline);
    expect(end.phase).toBe('complete');
    expect(end.innings).toHaveLength(1);
    expect(end.innings[0]!.end).toBe('stopped');
    expect(end.innings[0]!.legalBalls).toBeGreaterThan(0);
    expect(resultText(timeline, end.result!)).toBe('MATCH ABANDONED');
  });

  it('calls off a rain-hit chase as NO RESULT', () => {
    const timeline = playMatch({ seed: 4, home, away, outcome: 'no-result' });
    const end = finalState(timeline);
    expect(end.innings).toHaveLength(2);
    expect(end.innings[1]!.end).toBe('stopped');
    expect(resultText(timeline, end.result!)).toBe('NO RESULT');
  });

  it('takes about seven hours of match time for a full 50-over match', () => {
    const timeline = playMatch({ seed: 2, home, away });
    const hours = finalState(timeline).elapsed / 3600;
    expect(hours).toBeGreaterThan(5.5);
    expect(hours).toBeLessThan(8);
  });

  it('starts with no innings and moves one delivery per version', () => {
    const timeline = playMatch({ seed: 5, home, away, oversPerSide: 20 });
    expect(timeline.states[0]).toMatchObject({ version: 0, phase: 'not-started', innings: [] });
    expect(timeline.states[1]!.innings[0]!.batters.some((b) => b.balls > 0)).toBe(true);
    timeline.states.forEach((s, i) => expect(s.version).toBe(i));
    expect(Math.max(...finalState(timeline).innings.map((i) => i.legalBalls))).toBeLessThanOrEqual(120);
  });

  it('rejects settings it cannot play with a one-line reason', () => {
    expect(() => playMatch({ seed: 1, home, away, oversPerSide: 0 })).toThrow(
      /^invalid match settings: oversPerSide: /,
    );
  });
});
