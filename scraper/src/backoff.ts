/** A capped exponential backoff: `minMs`, then doubling (or `factor`), never above `maxMs`. */
export interface Backoff {
  minMs: number;
  maxMs: number;
  factor?: number;
}

/** The wait before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, backoff: Backoff): number {
  const grown = backoff.minMs * (backoff.factor ?? 2) ** Math.max(0, attempt);
  return Math.min(backoff.maxMs, Number.isFinite(grown) ? grown : backoff.maxMs);
}
