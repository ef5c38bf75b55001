import { describe, expect, it } from 'vitest';
import { applyScorecardDiff, diffScorecards, isSameCapture } from './scorecard-diff.ts';
import type { Scorecard } from './scorecard.ts';

const before: Scorecard = {
  schemaVersion: 1,
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'https://example.play-cricket.com/website/results/6123456',
  capturedAt: '2025-06-14T13:00:00.000Z',
  seq: 4,
  status: 'in-progress',
  result: null,
  innings: [
    {
      team: 'Cleckheaton',
      batting: [
        {
          name: 'A Deegan',
          howOut: 'not out',
          out: false,
          runs: 10,
          balls: 12,
          minutes: 15,
          fours: 1,
          sixes: 0,
          strikeRate: 83.33,
        },
        {
          name: 'J Thurwell',
          howOut: 'not out',
          out: false,
          runs: 4,
          balls: 3,
          minutes: 5,
          fours: 1,
          sixes: 0,
          strikeRate: 133.33,
        },
      ],
      extras: 2,
      total: { runs: 16, wickets: 0, overs: '2.3', text: '16 for 0 (2.3 Overs)' },
      fallOfWickets: '',
      bowling: [],
    },
  ],
};

describe('scorecard diffs', () => {
  it('name only the values that changed', () => {
    const after = structuredClone(before);
    after.seq = 5;
    after.capturedAt = '2025-06-14T13:00:05.000Z';
    after.innings[0]!.total.runs = 20;
    after.innings[0]!.batting[0]!.runs = 14;
    expect(diffScorecards(before, after)).toEqual([
      { at: ['capturedAt'], to: '2025-06-14T13:00:05.000Z' },
      { at: ['seq'], to: 5 },
      { at: ['innings', 0, 'batting', 0, 'runs'], to: 14 },
      { at: ['innings', 0, 'total', 'runs'], to: 20 },
    ]);
  });

  it('append rows, shorten tables and remove keys', () => {
    const longer = structuredClone(before);
    longer.innings.push({ ...structuredClone(before.innings[0]!), team: 'Scholes' });
    expect(applyScorecardDiff(before, diffScorecards(before, longer))).toEqual(longer);
    expect(applyScorecardDiff(longer, diffScorecards(longer, before))).toEqual(before);
    const { result: _dropped, ...withoutResult } = before;
    expect(applyScorecardDiff(before, diffScorecards(before, withoutResult as Scorecard))).toEqual(
      withoutResult,
    );
  });

  it('send a row that changed almost everywhere whole', () => {
    const after = structuredClone(before);
    after.innings[0]!.batting[1] = {
      name: 'K Ali',
      howOut: 'b Smith',
      out: true,
      runs: 0,
      balls: 1,
      minutes: 2,
      fours: 0,
      sixes: 0,
      strikeRate: 0,
    };
    expect(diffScorecards(before, after)).toEqual([
      { at: ['innings', 0, 'batting', 1], to: after.innings[0]!.batting[1] },
    ]);
  });

  it('refuse edits that do not fit the card, or that reach outside plain data', () => {
    expect(() => applyScorecardDiff(before, [{ at: ['innings', 5, 'team'], to: 'X' }])).toThrow(
      'out of range',
    );
    expect(() => applyScorecardDiff(before, [{ at: ['status', 'x'], to: 1 }])).toThrow(
      'not an object or array',
    );
    expect(() => applyScorecardDiff(before, [{ at: ['__proto__', 'polluted'], to: true }])).toThrow(
      'not allowed',
    );
    expect(() => applyScorecardDiff(before, [{ at: ['innings'], length: 3 }])).toThrow(
      'not an array that long',
    );
    expect(() => applyScorecardDiff(before, [{ at: [], to: {} }])).toThrow('whole scorecard');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('apply to the capture they were built on, known by capture time and seq', () => {
    expect(isSameCapture(before, { capturedAt: before.capturedAt, seq: 4 })).toBe(true);
    expect(isSameCapture(before, { capturedAt: before.capturedAt, seq: 3 })).toBe(false);
  });
});
