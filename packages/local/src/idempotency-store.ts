import { randomUUID } from 'node:crypto';
import type { IdempotencyStore } from '@live-scores/core';
import { z } from 'zod';
import { createMemoryDocument, JsonFileStore, type JsonDocument } from './json-file-store.ts';

/** Key → its work's state: leased by one run of the runtime, or completed (epoch ms throughout). */
export const IdempotencyFile = z.record(
  z.string(),
  z.discriminatedUnion('status', [
    z.object({
      status: z.literal('in-progress'),
      leaseUntil: z.number().int(),
      owner: z.string().min(1),
    }),
    z.object({ status: z.literal('completed'), completedAt: z.number().int() }),
  ]),
);
type Records = z.infer<typeof IdempotencyFile>;

export interface IdempotencyStoreOptions {
  now?: () => number;
  /** Completed keys are forgotten after this long (queues stop redelivering long before). */
  retainMs?: number;
}

const DEFAULT_RETAIN_MS = 3 * 24 * 3600_000;

function pruned(records: Records, now: number, retainMs: number): Records {
  return Object.fromEntries(
    Object.entries(records).filter(([, r]) => r.status === 'in-progress' || now - r.completedAt < retainMs),
  );
}

/**
 * Idempotency records in one document. The runtime is one process, so a lease held by an
 * earlier run of it (this store's `owner` differs) belongs to a worker that is gone and is
 * taken over at once, as is any lease past its time.
 */
export function createIdempotencyStore(
  document: JsonDocument<Records>,
  options: IdempotencyStoreOptions = {},
): IdempotencyStore {
  const now = options.now ?? Date.now;
  const retainMs = options.retainMs ?? DEFAULT_RETAIN_MS;
  const owner = randomUUID();
  return {
    begin: (key, leaseMs) =>
      document.update((all) => {
        const at = now();
        const record = all[key];
        if (record?.status === 'completed') return { value: all, result: 'completed' as const };
        if (record && record.owner === owner && record.leaseUntil > at)
          return { value: all, result: 'in-progress' as const };
        const lease = { status: 'in-progress' as const, leaseUntil: at + leaseMs, owner };
        return { value: { ...pruned(all, at, retainMs), [key]: lease }, result: 'started' as const };
      }),
    complete: (key) =>
      document.update((all) => ({
        value: { ...all, [key]: { status: 'completed' as const, completedAt: now() } },
        result: undefined,
      })),
    release: (key) =>
      document.update((all) => {
        if (all[key]?.status !== 'in-progress') return { value: all, result: undefined };
        const { [key]: _released, ...rest } = all;
        return { value: rest, result: undefined };
      }),
  };
}

export const createMemoryIdempotencyStore = (options?: IdempotencyStoreOptions): IdempotencyStore =>
  createIdempotencyStore(createMemoryDocument({}), options);

/** Kept on disk so a duplicate delivered after a restart still finds the work done. */
export const createFileIdempotencyStore = (
  path: string,
  options?: IdempotencyStoreOptions,
): IdempotencyStore => createIdempotencyStore(new JsonFileStore(path, IdempotencyFile, () => ({})), options);
