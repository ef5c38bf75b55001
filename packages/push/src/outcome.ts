import type { PushOutcome } from '@live-scores/core';

/** Used when a 429/503 comes without a usable `Retry-After`. */
export const DEFAULT_RETRY_AFTER_MS = 30_000;

/** `Retry-After` as seconds or an HTTP date → milliseconds from `now`. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number {
  if (!value) return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - now);
}

/** A push service's status code → what to do about the subscription (RFC 8030 §5, §6.2). */
export function outcomeOf(status: number, retryAfter: string | undefined): PushOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 404 || status === 410) return { kind: 'gone', status };
  if (status === 429 || status === 503)
    return { kind: 'retry-after', status, retryAfterMs: retryAfterMs(retryAfter) };
  if (status >= 500 || status === 408)
    return { kind: 'failed-retryable', status, reason: `push service answered ${status}` };
  return { kind: 'rejected', status, reason: `push service answered ${status}` };
}
