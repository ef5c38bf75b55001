import type { IdempotencyStore } from '../ports/idempotency.ts';

/**
 * Thrown for a duplicate delivery while another worker still holds the key's lease: the
 * message must not be acknowledged (the other worker may yet fail), so the queue redelivers it.
 */
export class WorkInProgress extends Error {
  constructor(readonly key: string) {
    super(`${key} is being processed by another worker; redeliver later`);
    this.name = 'WorkInProgress';
  }
}

export type RunOnceOutcome<T> = { kind: 'ran'; result: T } | { kind: 'already-done' };

/**
 * Runs `work` unless `key` is already completed. Success completes the key; a failure
 * releases it and rethrows, so the queue's retry runs the work again.
 */
export async function runOnce<T>(
  store: IdempotencyStore,
  key: string,
  leaseMs: number,
  work: () => Promise<T>,
): Promise<RunOnceOutcome<T>> {
  const begun = await store.begin(key, leaseMs);
  if (begun === 'completed') return { kind: 'already-done' };
  if (begun === 'in-progress') throw new WorkInProgress(key);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // A release that fails itself leaves the lease to expire: the retry then waits for it.
    await store.release(key).catch(() => undefined);
    throw error;
  }
  await store.complete(key);
  return { kind: 'ran', result };
}
