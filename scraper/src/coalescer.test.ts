import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from './backoff.ts';
import { Coalescer } from './coalescer.ts';

describe('Coalescer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('fires once, after the quiet time, for a burst of triggers', () => {
    const fire = vi.fn();
    const coalescer = new Coalescer(fire, { waitMs: 40, maxWaitMs: 100 });
    coalescer.trigger();
    vi.advanceTimersByTime(10);
    coalescer.trigger();
    vi.advanceTimersByTime(39);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('fires by the maximum wait even while triggers keep coming', () => {
    const fire = vi.fn();
    const coalescer = new Coalescer(fire, { waitMs: 40, maxWaitMs: 100 });
    for (let t = 0; t < 100; t += 20) {
      coalescer.trigger();
      vi.advanceTimersByTime(20);
    }
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('fires nothing for a burst it was told to drop', () => {
    const fire = vi.fn();
    const coalescer = new Coalescer(fire, { waitMs: 40, maxWaitMs: 100 });
    coalescer.trigger();
    coalescer.cancel();
    vi.advanceTimersByTime(500);
    expect(fire).not.toHaveBeenCalled();
  });
});

describe('backoffDelay', () => {
  it('doubles from the minimum and stops at the maximum', () => {
    const backoff = { minMs: 60_000, maxMs: 600_000 };
    expect([0, 1, 2, 3, 4, 5, 60].map((attempt) => backoffDelay(attempt, backoff))).toEqual([
      60_000, 120_000, 240_000, 480_000, 600_000, 600_000, 600_000,
    ]);
  });
});
