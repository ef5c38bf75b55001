import { diffScorecards, type LiveOversMessage, type Scorecard } from '@live-scores/schema';
import { capturedAt, MATCH_ID, scorecard } from '@live-scores/test-support';
import { describe, expect, it } from 'vitest';
import { pageReceives } from './live-stack.ts';

const first = scorecard({ seq: 1 });
const second = scorecard({ seq: 2, status: 'complete', result: 'Match drawn' });
const diff = {
  type: 'diff' as const,
  matchId: MATCH_ID,
  teamId: first.teamId,
  base: { capturedAt: first.capturedAt, seq: 1 },
  capturedAt: second.capturedAt,
  seq: 2,
  changes: diffScorecards(first, second),
};
const overs: LiveOversMessage = {
  type: 'overs',
  history: {
    matchId: MATCH_ID,
    teamId: first.teamId,
    upTo: { capturedAt: capturedAt(2), seq: 2 },
    innings: [],
  },
};

describe("the benchmark page's handling of live frames", () => {
  it('takes a full scorecard, then applies a diff built on it', () => {
    const cards = new Map<string, Scorecard>();
    expect(pageReceives(cards, { type: 'scorecard', scorecard: first })).toEqual(first);
    expect(pageReceives(cards, diff)).toEqual(second);
  });

  it('asks for a sync when a diff does not fit the card it holds', () => {
    expect(pageReceives(new Map(), diff)).toBe('gap');
  });

  it('leaves the cards alone on an over history instead of taking it for a diff that does not fit', () => {
    const cards = new Map([[MATCH_ID, first]]);
    expect(pageReceives(cards, overs)).toBeUndefined();
    expect(cards.get(MATCH_ID)).toBe(first);
    expect(pageReceives(cards, diff)).toEqual(second);
  });
});
