import { describe, expect, it } from 'vitest';
import { createTokenBucketLimiter } from './token-bucket.ts';

describe('the token-bucket rate limiter', () => {
  it('allows a burst up to capacity, then asks the client to wait until a token is back', () => {
    let t = 0;
    const limiter = createTokenBucketLimiter({ capacity: 3, refillPerSecond: 0.5, now: () => t });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    t = 2000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('keeps a separate bucket per client', () => {
    const limiter = createTokenBucketLimiter({ capacity: 1, refillPerSecond: 1, now: () => 0 });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('forgets the least recently seen clients beyond its limit, giving them a fresh bucket', () => {
    const limiter = createTokenBucketLimiter({
      capacity: 1,
      refillPerSecond: 1,
      maxClients: 2,
      now: () => 0,
    });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('c').allowed).toBe(false);
  });
});
