import { randomUUID } from 'node:crypto';
import type { Logger } from '@live-scores/core';
import { z } from 'zod';
import { createMemoryDocument, JsonFileStore, type JsonDocument } from './json-file-store.ts';
import { createFaultInjector, type QueueFaults } from './queue-faults.ts';

/** A message that failed `maxReceives` times, kept with why. */
export interface DeadLetter<T> {
  queue: string;
  message: T;
  reason: string;
  receiveCount: number;
  deadAt: string;
}

/** A message accepted but not yet done, as the journal keeps it across restarts. */
export interface JournalEntry<T> {
  id: string;
  message: T;
  /** Deliveries begun, recorded before each one: a message that crashes the process is counted too. */
  receiveCount: number;
  /** Epoch ms before which it is not delivered (SQS's DelaySeconds). */
  visibleAt?: number;
}

export interface EmbeddedQueueOptions<T> {
  name: string;
  handler: (message: T) => Promise<void>;
  logger: Logger;
  /** Deliveries before a message is dead-lettered (SQS's maxReceiveCount); 5 by default. */
  maxReceives?: number;
  /** Wait before redelivery: doubles from `firstMs` up to `maxMs`. */
  backoff?: { firstMs: number; maxMs: number };
  /** Handlers running at once; 1 by default, so a queue processes in arrival order. */
  concurrency?: number;
  /** Accepted, unfinished messages; memory by default, a file to survive a restart. */
  journal?: JsonDocument<JournalEntry<T>[]>;
  deadLetters?: JsonDocument<DeadLetter<T>[]>;
  /** Log fields naming a message (e.g. matchId, teamId), never its whole body. */
  describe?: (message: T) => Record<string, unknown>;
  /** Duplicates and reorders injected on purpose, to prove the consumers tolerate them. */
  faults?: QueueFaults;
}

export interface EmbeddedQueue<T> {
  readonly name: string;
  /**
   * Resolves once the message is accepted (journaled); processing happens after, no sooner
   * than `delayMs` from now. The delay is journaled too, so it survives a restart.
   */
  send(message: T, options?: { delayMs?: number }): Promise<void>;
  /** Messages accepted and not yet done or dead-lettered (waiting, in flight, or backing off). */
  depth(): number;
  deadLetters(): Promise<DeadLetter<T>[]>;
  /** Resolves when the queue is empty. */
  idle(): Promise<void>;
  /** Stops delivering; unfinished messages stay in the journal for the next start. */
  close(): void;
  /**
   * Resolves once no delivery is running: after `close`, when the handlers that were running
   * have finished, so what they write lands before the store underneath is closed.
   */
  settled(): Promise<void>;
}

interface Entry<T> extends JournalEntry<T> {
  timer?: NodeJS.Timeout;
}

/**
 * An in-process at-least-once queue with SQS's semantics: a failed delivery is retried with
 * backoff, and after `maxReceives` deliveries the message moves to the dead-letter store
 * with its reason (logged), so one bad message never blocks the rest. The journal is
 * written before `send` resolves and after a message is done, so a restart redelivers what
 * was in flight: consumers must be idempotent, as they must be on SQS.
 */
export function createEmbeddedQueue<T>(options: EmbeddedQueueOptions<T>): EmbeddedQueue<T> {
  const { name, handler, logger } = options;
  const maxReceives = options.maxReceives ?? 5;
  const backoff = options.backoff ?? { firstMs: 200, maxMs: 30_000 };
  const concurrency = options.concurrency ?? 1;
  const journal = options.journal ?? createMemoryDocument<JournalEntry<T>[]>([]);
  const dead = options.deadLetters ?? createMemoryDocument<DeadLetter<T>[]>([]);
  const describe = options.describe ?? (() => ({}));
  const faults = options.faults && createFaultInjector(options.faults);

  const ready: Entry<T>[] = [];
  const pending = new Set<Entry<T>>();
  let inFlight = 0;
  const running = new Set<Promise<void>>();
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = (): void => {
    if (pending.size > 0) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };

  const forget = (entry: Entry<T>): Promise<void> =>
    journal.update((all) => ({ value: all.filter((e) => e.id !== entry.id), result: undefined }));

  /** Journals the receive before the handler runs, so a delivery that kills the process still counts. */
  const recordReceive = (entry: Entry<T>): Promise<void> =>
    journal.update((all) => ({
      value: all.map((e) => (e.id === entry.id ? { ...e, receiveCount: entry.receiveCount } : e)),
      result: undefined,
    }));

  async function deadLetter(entry: Entry<T>, reason: string): Promise<void> {
    logger.error('message dead-lettered', {
      queue: name,
      ...describe(entry.message),
      receiveCount: entry.receiveCount,
      reason,
    });
    await dead.update((all) => ({
      value: [
        ...all,
        {
          queue: name,
          message: entry.message,
          reason,
          receiveCount: entry.receiveCount,
          deadAt: new Date().toISOString(),
        },
      ],
      result: undefined,
    }));
    await forget(entry);
    pending.delete(entry);
  }

  async function deliver(entry: Entry<T>): Promise<void> {
    // Already received `maxReceives` times, the last of them never finishing: the process
    // died during it, so this message is what brings it down. Stop here, as SQS's redrive does.
    if (entry.receiveCount >= maxReceives) {
      await deadLetter(
        entry,
        `no outcome after ${entry.receiveCount} deliveries (the process stopped during each)`,
      );
      return;
    }
    entry.receiveCount++;
    try {
      await recordReceive(entry);
      await handler(structuredClone(entry.message));
      await forget(entry);
      pending.delete(entry);
    } catch (error) {
      const reason =
        (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
      const fields = { queue: name, ...describe(entry.message), receiveCount: entry.receiveCount, reason };
      if (entry.receiveCount >= maxReceives) {
        await deadLetter(entry, reason);
      } else {
        logger.warn('delivery failed; will retry', fields);
        const delay = Math.min(backoff.maxMs, backoff.firstMs * 2 ** (entry.receiveCount - 1));
        if (!closed) {
          entry.timer = setTimeout(() => {
            entry.timer = undefined;
            ready.push(entry);
            pump();
          }, delay);
        }
      }
    }
  }

  function pump(): void {
    while (!closed && inFlight < concurrency && ready.length > 0) {
      const entry = ready.shift()!;
      inFlight++;
      const delivery = deliver(entry).finally(() => {
        inFlight--;
        running.delete(delivery);
        pump();
        settleIdle();
      });
      running.add(delivery);
    }
  }

  const makeReady = (entry: Entry<T>): void => {
    ready.push(entry);
    pump();
  };

  const accept = (entry: Entry<T>, mayDuplicate = true): void => {
    pending.add(entry);
    const holdMs = Math.max(faults?.holdMs() ?? 0, (entry.visibleAt ?? 0) - Date.now());
    if (holdMs > 0 && !closed) {
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        makeReady(entry);
      }, holdMs);
    } else makeReady(entry);
    // A second delivery of the same journal entry: whichever finishes first forgets it.
    if (mayDuplicate && faults?.duplicate())
      accept({ id: entry.id, message: entry.message, receiveCount: 0, visibleAt: entry.visibleAt }, false);
  };

  // Redeliver what a previous run accepted but did not finish.
  const recovered = journal.read().then((entries) => {
    for (const entry of entries) accept({ ...entry });
    if (entries.length > 0)
      logger.info('queue recovered unfinished messages', { queue: name, count: entries.length });
  });

  return {
    name,
    async send(message, sendOptions) {
      await recovered;
      const delayMs = sendOptions?.delayMs ?? 0;
      const entry: Entry<T> = {
        id: randomUUID(),
        message: structuredClone(message),
        receiveCount: 0,
        ...(delayMs > 0 ? { visibleAt: Date.now() + delayMs } : {}),
      };
      await journal.update((all) => ({ value: [...all, { ...entry }], result: undefined }));
      accept(entry);
    },
    depth: () => pending.size,
    deadLetters: () => dead.read(),
    async idle() {
      await recovered;
      if (pending.size === 0) return;
      await new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    close() {
      closed = true;
      for (const entry of pending) if (entry.timer) clearTimeout(entry.timer);
    },
    settled: async () => void (await Promise.allSettled([...running])),
  };
}

/** File-backed journal and dead-letter store for a queue, validated with the message schema. */
export function createFileQueueStores<T>(
  dir: string,
  queueName: string,
  message: z.ZodType<T>,
): { journal: JsonDocument<JournalEntry<T>[]>; deadLetters: JsonDocument<DeadLetter<T>[]> } {
  const journalSchema = z.array(
    z.object({
      id: z.string(),
      message,
      receiveCount: z.number().int().nonnegative(),
      visibleAt: z.number().optional(),
    }),
  );
  const deadSchema = z.array(
    z.object({
      queue: z.string(),
      message,
      reason: z.string(),
      receiveCount: z.number().int(),
      deadAt: z.string(),
    }),
  );
  return {
    journal: new JsonFileStore(`${dir}/${queueName}.journal.json`, journalSchema as never, () => []),
    deadLetters: new JsonFileStore(`${dir}/${queueName}.dead-letters.json`, deadSchema as never, () => []),
  };
}
