import { WorkInProgress, type Logger } from '@live-scores/core';
import type { DeadLetter, EmbeddedQueue } from '../embedded-queue.ts';
import { createFaultInjector, type QueueFaults } from '../queue-faults.ts';
import type { LocalDatabase } from './database.ts';

/** How a queue's messages are kept: validated on the way back, and possibly in a smaller form. */
export interface QueueCodec<T> {
  encode(message: T): unknown;
  /** The stored form back to a message; throws with the reason when it is not one. */
  decode(stored: unknown): T;
}

/** Stored as they are, checked against their zod schema on the way back. */
export const schemaCodec = <T>(schema: { parse(value: unknown): T }): QueueCodec<T> => ({
  encode: (message) => message,
  decode: (stored) => schema.parse(stored),
});

export interface SqliteQueueOptions<T> {
  name: string;
  handler: (message: T) => Promise<void>;
  logger: Logger;
  codec: QueueCodec<T>;
  /** Deliveries before a message is dead-lettered (SQS's maxReceiveCount); 5 by default. */
  maxReceives?: number;
  /** Wait before redelivery: doubles from `firstMs` up to `maxMs`. */
  backoff?: { firstMs: number; maxMs: number };
  /** Handlers running at once; 1 by default, so a queue processes in arrival order. */
  concurrency?: number;
  /**
   * Messages with the same key (e.g. one match's) are delivered one at a time in arrival
   * order, while messages with different keys run side by side up to `concurrency`: SQS
   * FIFO's message groups. Without it, any `concurrency` messages may run at once.
   */
  orderKey?: (message: T) => string;
  /**
   * Deliveries of one order key at once, started in arrival order (1 by default). 2 lets a
   * key's next message start while the one before waits for its writes to reach the disk; the
   * writes keep their order when the handler makes them all before it first waits on I/O.
   */
  perKey?: number;
  /** A delivery still running after this long is assumed stuck and the message is delivered again (SQS's visibility timeout). */
  visibilityMs?: number;
  /** Log fields naming a message (e.g. matchId, teamId), never its whole body. */
  describe?: (message: T) => Record<string, unknown>;
  faults?: QueueFaults;
  now?: () => number;
}

export interface SqliteQueue<T> extends EmbeddedQueue<T> {
  /** Resolves once the message is committed; `delayMs` keeps it invisible that long (SQS's DelaySeconds), across restarts. */
  send(message: T, options?: { delayMs?: number }): Promise<void>;
}

interface Row {
  id: number;
  body: string;
  receiveCount: number;
}

/**
 * The stored text of an encoded message, made once however many queues it is sent to: the
 * topic puts the same scorecard on every subscribed queue. Messages are values, never
 * changed after they are sent.
 */
const storedForms = new WeakMap<object, string>();
function storedForm(encoded: unknown): string {
  if (typeof encoded !== 'object' || encoded === null) return JSON.stringify(encoded);
  let body = storedForms.get(encoded);
  if (body === undefined) {
    body = JSON.stringify(encoded);
    storedForms.set(encoded, body);
  }
  return body;
}

/** How far past a busy order key's messages the queue looks for another key's. */
const ORDER_LOOK_AHEAD = 256;

const reasonOf = (error: unknown): string =>
  (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));

/**
 * An at-least-once queue in the database with SQS's semantics. A message is a row; a
 * delivery first commits its receive count and a visibility deadline, so the count survives
 * a crash: a message that kills the process on every delivery is dead-lettered once it has
 * had `maxReceives` of them. Failures are retried with backoff, then dead-lettered with the
 * reason. Deliveries left running by a run that is gone are redelivered at once on start (the
 * database lock guarantees that run is gone). Consumers must be idempotent, as on SQS.
 */
export function createSqliteQueue<T>(db: LocalDatabase, options: SqliteQueueOptions<T>): SqliteQueue<T> {
  const { name, handler, logger, codec } = options;
  const maxReceives = options.maxReceives ?? 5;
  const backoff = options.backoff ?? { firstMs: 200, maxMs: 30_000 };
  const concurrency = options.concurrency ?? 1;
  const orderKey = options.orderKey;
  const perKey = options.perKey ?? 1;
  const visibilityMs = options.visibilityMs ?? 15 * 60_000;
  const describe = options.describe ?? (() => ({}));
  const now = options.now ?? Date.now;
  const faults = options.faults && createFaultInjector(options.faults);
  const { sql } = db;

  const insert = sql.prepare('INSERT INTO queue_messages (queue, body, visible_at) VALUES (?, ?, ?)');
  const nextReady = sql.prepare(
    `SELECT id, body, receive_count AS receiveCount FROM queue_messages
     WHERE queue = ? AND dead_at IS NULL AND visible_at <= ? ORDER BY visible_at, id LIMIT 1`,
  );
  const readyIds = sql
    .prepare(
      `SELECT id FROM queue_messages
       WHERE queue = ? AND dead_at IS NULL AND visible_at <= ? ORDER BY visible_at, id LIMIT ?`,
    )
    .pluck();
  const byId = sql.prepare('SELECT id, body, receive_count AS receiveCount FROM queue_messages WHERE id = ?');
  const lease = sql.prepare(
    'UPDATE queue_messages SET receive_count = receive_count + 1, leased = 1, visible_at = ? WHERE id = ?',
  );
  const remove = sql.prepare('DELETE FROM queue_messages WHERE id = ?');
  const retryAt = sql.prepare('UPDATE queue_messages SET leased = 0, visible_at = ? WHERE id = ?');
  // A duplicate that found its twin still at work was not a failed receive: its count goes back.
  const waitForTwin = sql.prepare(
    'UPDATE queue_messages SET leased = 0, visible_at = ?, receive_count = receive_count - 1 WHERE id = ?',
  );
  const bury = sql.prepare('UPDATE queue_messages SET leased = 0, dead_at = ?, reason = ? WHERE id = ?');
  const nextVisible = sql
    .prepare(
      'SELECT MIN(visible_at) FROM queue_messages WHERE queue = ? AND dead_at IS NULL AND visible_at > ?',
    )
    .pluck();
  const count = sql
    .prepare('SELECT COUNT(*) FROM queue_messages WHERE queue = ? AND dead_at IS NULL')
    .pluck();
  const dead = sql.prepare(
    `SELECT body, reason, receive_count AS receiveCount, dead_at AS deadAt FROM queue_messages
     WHERE queue = ? AND dead_at IS NOT NULL ORDER BY dead_at, id`,
  );
  // A delivery the process died in goes first again, ahead of the messages that arrived while
  // it ran: its lease's visibility deadline is no place in the order, and a consumer that
  // sees the newer message first can skip what the older one would have done (a threshold
  // crossed in one step instead of two).
  const recover = sql.prepare(
    'UPDATE queue_messages SET leased = 0, visible_at = 0 WHERE queue = ? AND leased = 1',
  );

  let inFlight = 0;
  /** Row id → order key, for the rows this run has looked at. */
  const keys = new Map<number, string>();
  /** Order key → deliveries of it running. */
  const running = new Map<string, number>();
  /** Deliveries started and not yet ended, for `settled`. */
  const deliveries = new Set<Promise<void>>();
  let closed = false;
  let wake: NodeJS.Timeout | undefined;
  let idleWaiters: (() => void)[] = [];
  const depth = (): number => count.get(name) as number;

  const settleIdle = (): void => {
    if (idleWaiters.length === 0 || inFlight > 0 || depth() > 0) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };

  /**
   * Sets the timer for the first message that becomes visible after `lookedAt`, the instant
   * the pump last looked for a ready one. The same instant, not a fresh clock reading: a
   * message due between the two readings would be neither ready nor later, and never woken.
   */
  function scheduleWake(lookedAt: number): void {
    if (closed) return;
    if (wake) clearTimeout(wake);
    wake = undefined;
    // Messages visible now are started when a running delivery ends; only later ones need a timer.
    const at = nextVisible.get(name, lookedAt) as number | null;
    if (at === null) return;
    wake = setTimeout(
      () => {
        wake = undefined;
        pump();
      },
      Math.max(1, at - now()),
    );
  }

  const logged = (promise: Promise<unknown>, what: string, fields: Record<string, unknown>): void =>
    void promise.catch((error: unknown) => {
      if (!closed) logger.error(what, { queue: name, ...fields, error });
    });

  async function deliver(row: Row, message: T): Promise<void> {
    try {
      await handler(message);
    } catch (error) {
      if (error instanceof WorkInProgress) {
        // Its twin holds the work under a bounded lease: once that ends (done, failed or
        // taken over), this copy is acknowledged or runs; until then it only waits.
        logged(
          db.write(() => void waitForTwin.run(now() + backoff.maxMs, row.id)),
          'cannot record a retry',
          describe(message),
        );
        return;
      }
      const reason = reasonOf(error);
      const fields = { queue: name, ...describe(message), receiveCount: row.receiveCount, reason };
      if (row.receiveCount >= maxReceives) {
        logger.error('message dead-lettered', fields);
        logged(
          db.write(() => void bury.run(now(), reason, row.id)),
          'cannot record a dead letter',
          describe(message),
        );
      } else {
        logger.warn('delivery failed; will retry', fields);
        const delay = Math.min(backoff.maxMs, backoff.firstMs * 2 ** (row.receiveCount - 1));
        logged(
          db.write(() => void retryAt.run(now() + delay, row.id)),
          'cannot record a retry',
          describe(message),
        );
      }
      return;
    }
    // The acknowledgement shares a commit with the next lease instead of costing the queue a
    // commit of its own: one lost in a crash only means one more (idempotent) delivery.
    logged(
      db.write(() => void remove.run(row.id)),
      'cannot acknowledge a delivery',
      describe(message),
    );
  }

  /** A stored message that is not one any more (a foreign or hand-edited row) is dead-lettered at once. */
  function decoded(row: Row): T | undefined {
    try {
      return codec.decode(JSON.parse(row.body));
    } catch (error) {
      const reason = `not a valid ${name} message: ${reasonOf(error).split('\n')[0]}`;
      logger.error('message dead-lettered', { queue: name, reason });
      logged(
        db.write(() => void bury.run(now(), reason, row.id)),
        'cannot record a dead letter',
        {},
      );
      return undefined;
    }
  }

  function keyOf(id: number): string {
    let key = keys.get(id);
    if (key === undefined) {
      // A row stored by an earlier run; one that does not decode is dead-lettered when delivered.
      key = `#${id}`;
      const row = byId.get(id) as Row | undefined;
      try {
        if (row && orderKey) key = orderKey(codec.decode(JSON.parse(row.body)));
      } catch {
        // Its own key: nothing waits behind it.
      }
      keys.set(id, key);
    }
    return key;
  }

  /** The oldest visible message whose order key has room for another delivery. */
  function nextCandidate(at: number): Row | undefined {
    if (!orderKey) return nextReady.get(name, at) as Row | undefined;
    for (const id of readyIds.all(name, at, ORDER_LOOK_AHEAD) as number[])
      if ((running.get(keyOf(id)) ?? 0) < perKey) return byId.get(id) as Row;
    return undefined;
  }

  function pump(): void {
    let lookedAt = now();
    while (!closed && inFlight < concurrency) {
      lookedAt = now();
      const candidate = nextCandidate(lookedAt);
      if (!candidate) break;
      const row = { ...candidate, receiveCount: candidate.receiveCount + 1 };
      if (candidate.receiveCount >= maxReceives) {
        // Every earlier delivery ended with the process, never with an answer.
        const reason = `delivered ${candidate.receiveCount} times without finishing (the process stopped during each)`;
        logger.error('message dead-lettered', { queue: name, receiveCount: candidate.receiveCount, reason });
        logged(
          db.write(() => void bury.run(now(), reason, candidate.id)),
          'cannot record a dead letter',
          {},
        );
        continue;
      }
      inFlight++;
      const key = orderKey && keyOf(row.id);
      if (key !== undefined) running.set(key, (running.get(key) ?? 0) + 1);
      const message = decoded(row);

      // Committed is enough: the count must survive a message that kills the process, and the
      // operating system keeps a commit the process wrote. Waiting for the fsync too would add
      // one to every delivery of every hop.
      const leased = db.write(() => void lease.run(now() + visibilityMs, row.id), { until: 'committed' });
      const delivery = leased
        .then(() => (message === undefined || closed ? undefined : deliver(row, message)))
        .catch((error: unknown) => {
          if (!closed) logger.error('cannot start a delivery', { queue: name, error });
        })
        .finally(() => {
          inFlight--;
          if (key !== undefined) {
            const left = running.get(key)! - 1;
            if (left === 0) running.delete(key);
            else running.set(key, left);
          }
          keys.delete(row.id);
          deliveries.delete(delivery);
          if (closed) return;
          pump();
          settleIdle();
        });
      deliveries.add(delivery);
    }
    if (!closed) {
      scheduleWake(lookedAt);
      settleIdle();
    }
  }

  const recovered = db
    .write(() => recover.run(name).changes)
    .then((count) => {
      if (count > 0) logger.info('queue recovered unfinished messages', { queue: name, count });
      pump();
    });

  return {
    name,
    async send(message, sendOptions) {
      await recovered;
      const body = storedForm(codec.encode(message));
      const at = now();
      const holdMs = faults?.holdMs() ?? 0;
      const twice = faults?.duplicate() ?? false;
      const key = orderKey?.(message);
      const remember = (id: number | bigint): void => void (key !== undefined && keys.set(Number(id), key));
      await db.write(() => {
        remember(insert.run(name, body, at + Math.max(sendOptions?.delayMs ?? 0, holdMs)).lastInsertRowid);
        // A second copy of the same message: both are delivered.
        if (twice) remember(insert.run(name, body, at).lastInsertRowid);
      });
      pump();
    },
    depth,
    async deadLetters(): Promise<DeadLetter<T>[]> {
      const rows = dead.all(name) as { body: string; reason: string; receiveCount: number; deadAt: number }[];
      return rows.map((r) => ({
        queue: name,
        message: JSON.parse(r.body) as T,
        reason: r.reason,
        receiveCount: r.receiveCount,
        deadAt: new Date(r.deadAt).toISOString(),
      }));
    },
    async idle() {
      await recovered;
      if (inFlight === 0 && depth() === 0) return;
      await new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    close() {
      closed = true;
      if (wake) clearTimeout(wake);
      wake = undefined;
    },
    settled: async () => void (await Promise.allSettled([...deliveries])),
  };
}
