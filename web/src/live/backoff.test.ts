import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.ts';

describe('reconnect backoff', () => {
  it('doubles the ceiling each attempt and draws from its upper half', () => {
    expect([0, 1, 2, 3].map((n) => reconnectDelay(n, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((n) => reconnectDelay(n, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the maximum, however many attempts', () => {
    expect(reconnectDelay(50, () => 1)).toBe(30_000);
    expect(reconnectDelay(50, () => 0)).toBe(15_000);
  });
});
