import { describe, expect, it } from 'vitest';
import { isStale, updatedAgo } from './freshness.ts';

describe('freshness', () => {
  const base = { now: 1_000_000, staleAfterMs: 600_000 };

  it('marks scores stale only while a match is in progress and nothing has arrived for the period', () => {
    expect(isStale({ ...base, lastUpdateAt: base.now - 600_001, anyInProgress: true })).toBe(true);
    expect(isStale({ ...base, lastUpdateAt: base.now - 600_000, anyInProgress: true })).toBe(false);
    expect(isStale({ ...base, lastUpdateAt: base.now - 900_000, anyInProgress: false })).toBe(false);
    expect(isStale({ ...base, lastUpdateAt: null, anyInProgress: true })).toBe(false);
  });

  it('says how long ago the scores were updated', () => {
    expect(updatedAgo(0, 3_000)).toBe('updated just now');
    expect(updatedAgo(0, 12_400)).toBe('updated 12 s ago');
    expect(updatedAgo(0, 5 * 60_000 + 5_000)).toBe('updated 5 min ago');
    expect(updatedAgo(0, 2 * 3_600_000)).toBe('updated 2 h ago');
  });
});
