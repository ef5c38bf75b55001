export interface TokenBucketOptions {
  /** Requests a client may make in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
  /** Clients remembered at once; the least recently seen are forgotten first. */
  maxClients?: number;
  now?: () => number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(clientKey: string): RateDecision;
}

/**
 * A per-client token bucket. Memory is bounded by `maxClients` so a flood of spoofed
 * client keys cannot grow it without limit.
 */
export function createTokenBucketLimiter(options: TokenBucketOptions): RateLimiter {
  const { capacity, refillPerSecond } = options;
  const maxClients = options.maxClients ?? 10_000;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();

  return {
    take(clientKey) {
      const t = now();
      const previous = buckets.get(clientKey);
      const tokens = previous
        ? Math.min(capacity, previous.tokens + ((t - previous.at) / 1000) * refillPerSecond)
        : capacity;
      buckets.delete(clientKey);
      if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value as string);
      if (tokens < 1) {
        buckets.set(clientKey, { tokens, at: t });
        return { allowed: false, retryAfterSeconds: Math.ceil((1 - tokens) / refillPerSecond) };
      }
      buckets.set(clientKey, { tokens: tokens - 1, at: t });
      return { allowed: true };
    },
  };
}
