import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_AFTER_MS, outcomeOf, retryAfterMs } from './outcome.ts';

describe('reading a push service answer', () => {
  it('reads Retry-After as seconds or as an HTTP date, and falls back when it is absent or odd', () => {
    const now = Date.parse('2025-06-14T13:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Sat, 14 Jun 2025 13:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs(undefined, now)).toBe(DEFAULT_RETRY_AFTER_MS);
    expect(retryAfterMs('soon', now)).toBe(DEFAULT_RETRY_AFTER_MS);
  });

  it.each([
    [201, { kind: 'delivered' }],
    [202, { kind: 'delivered' }],
    [410, { kind: 'gone', status: 410 }],
    [408, { kind: 'failed-retryable', status: 408, reason: 'push service answered 408' }],
    [502, { kind: 'failed-retryable', status: 502, reason: 'push service answered 502' }],
    [403, { kind: 'rejected', status: 403, reason: 'push service answered 403' }],
  ])('treats %i as %o', (status, outcome) => {
    expect(outcomeOf(status, undefined)).toEqual(outcome);
  });
});
