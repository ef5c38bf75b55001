import { applyScorecardDiff, diffScorecards, LiveDiffMessage, type Scorecard } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { playMatch, truthScorecard } from './index.ts';

/** Every ball's scorecard of a simulated match, captured five seconds apart. */
function capturesOf(seed: number, outcome?: 'tie' | 'abandoned'): Scorecard[] {
  const timeline = playMatch({
    seed,
    home: { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' },
    away: { club: 'Scholes CC', text: 'Scholes CC - 1st XI' },
    oversPerSide: 20,
    outcome,
  });
  const start = Date.parse('2026-06-13T13:00:00.000Z');
  return timeline.states.map((state, seq) =>
    truthScorecard(timeline, state, {
      matchId: '7000001',
      teamId: 'firstTeam',
      url: 'http://127.0.0.1:8081/website/results/7000001',
      capturedAt: new Date(start + seq * 5000).toISOString(),
      seq,
    }),
  );
}

describe('a diff between two captures of a simulated match', () => {
  const matches = [capturesOf(41), capturesOf(42, 'tie'), capturesOf(43, 'abandoned'), capturesOf(44)];

  it('applied to the earlier capture gives exactly the later one, at every ball', () => {
    let pairs = 0;
    for (const captures of matches)
      for (let i = 1; i < captures.length; i++) {
        const before = captures[i - 1]!;
        const after = captures[i]!;
        expect(applyScorecardDiff(before, diffScorecards(before, after))).toEqual(after);
        pairs++;
      }
    expect(pairs).toBeGreaterThan(400);
  });

  it('also bridges captures many balls apart, and both directions', () => {
    for (const captures of matches)
      for (let i = 0; i + 37 < captures.length; i += 13) {
        const [a, b] = [captures[i]!, captures[i + 37]!];
        expect(applyScorecardDiff(a, diffScorecards(a, b))).toEqual(b);
        expect(applyScorecardDiff(b, diffScorecards(b, a))).toEqual(a);
      }
  });

  it('leaves the earlier capture untouched, and passes the message contract', () => {
    const captures = matches[0]!;
    for (let i = 1; i < captures.length; i += 7) {
      const before = structuredClone(captures[i - 1]!);
      const changes = diffScorecards(before, captures[i]!);
      applyScorecardDiff(before, changes);
      expect(before).toEqual(captures[i - 1]);
      const message = {
        type: 'diff',
        matchId: '7000001',
        teamId: 'firstTeam',
        base: { capturedAt: before.capturedAt, seq: before.seq },
        capturedAt: captures[i]!.capturedAt,
        seq: captures[i]!.seq,
        changes,
      };
      expect(LiveDiffMessage.parse(JSON.parse(JSON.stringify(message)))).toEqual(message);
    }
  });

  it('is a small fraction of the scorecard for one ball', () => {
    const sizes = matches[0]!.slice(1).map((after, i) => {
      const before = matches[0]![i]!;
      return JSON.stringify(diffScorecards(before, after)).length / JSON.stringify(after).length;
    });
    sizes.sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThan(0.2);
  });
});
