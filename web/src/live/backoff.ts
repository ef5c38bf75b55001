export interface BackoffOptions {
  /** The ceiling of the first wait. */
  baseMs: number;
  /** No wait ever exceeds this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30_000 };

/**
 * The wait before reconnect attempt `attempt` (0-based): the ceiling doubles each time up to
 * `maxMs`, and the wait is drawn from its upper half ("equal jitter"). Jitter spreads the
 * crowd of phones that all lost the server at once; the fixed half stops a tight retry loop.
 */
export function reconnectDelay(attempt: number, random: () => number, options = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
