import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryLogger, WorkInProgress } from '@live-scores/core';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../testing/processes.ts';
import { openLocalDatabase, type LocalDatabase } from './database.ts';
import { createSqliteQueue, schemaCodec, type SqliteQueue } from './sqlite-queue.ts';

const fast = { firstMs: 5, maxMs: 20 };
let dir: string;
const databases: LocalDatabase[] = [];
const queues: SqliteQueue<unknown>[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sqlite-queue-'));
});
afterEach(async () => {
  for (const q of queues.splice(0)) q.close();
  for (const db of databases.splice(0)) db.close();
  await rm(dir, { recursive: true, force: true });
});

const openDb = (): LocalDatabase => {
  const db = openLocalDatabase(dir, { logger: createMemoryLogger() });
  databases.push(db);
  return db;
};
const closeDb = (db: LocalDatabase): void => {
  for (const q of queues.splice(0)) q.close();
  databases.splice(databases.indexOf(db), 1);
  db.close();
};

function numbers(
  db: LocalDatabase,
  handler: (n: number) => Promise<void>,
  extra: Partial<Parameters<typeof createSqliteQueue<number>>[1]> = {},
): SqliteQueue<number> {
  const queue = createSqliteQueue<number>(db, {
    name: 'numbers',
    logger: createMemoryLogger(),
    codec: schemaCodec(z.number().int()),
    backoff: fast,
    handler,
    ...extra,
  });
  queues.push(queue as SqliteQueue<unknown>);
  return queue;
}

describe('the SQLite queue', () => {
  it('delivers a message cut short by a crash again before the messages that arrived while it ran', async () => {
    const db = openDb();
    let started = false;
    const queue = numbers(db, async () => {
      started = true;
      await new Promise(() => undefined);
    });
    await queue.send(1);
    await eventually('the first delivery to start', () => started);
    await queue.send(2);
    closeDb(db);

    const seen: number[] = [];
    const after = numbers(openDb(), async (n) => void seen.push(n));
    await after.idle();
    expect(seen).toEqual([1, 2]);
  });

  it('lets the deliveries running at close finish, so their writes land before the database closes', async () => {
    const db = openDb();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const queue = numbers(db, async (n) => {
      started = true;
      await gate;
      // A handler's own second write (an event recorded, then queued) after close was called.
      await db.write(
        () => void db.sql.prepare("INSERT INTO meta (key, value) VALUES ('handled', ?)").run(String(n)),
      );
    });
    await queue.send(7);
    await eventually('the delivery to start', () => started);
    queue.close();
    let settled = false;
    const stopping = queue.settled().then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    release();
    await stopping;
    closeDb(db);

    const reopened = openDb();
    expect(reopened.sql.prepare("SELECT value FROM meta WHERE key = 'handled'").pluck().get()).toBe('7');
    expect(reopened.sql.prepare('SELECT count(*) FROM queue_messages').pluck().get()).toBe(0);
  });

  it('delivers in arrival order, and retries a failed message with backoff until it succeeds', async () => {
    const db = openDb();
    const seen: number[] = [];
    let failures = 0;
    const queue = numbers(db, async (n) => {
      if (n === 2 && failures++ < 2) throw new Error('not yet');
      seen.push(n);
    });
    // Sent in one burst: the message after the failing one goes on while it waits to be retried.
    await Promise.all([1, 2, 3].map((n) => queue.send(n)));
    await queue.idle();
    expect(seen).toEqual([1, 3, 2]);
    expect(queue.depth()).toBe(0);
  });

  it('dead-letters a message after maxReceives failures, with the reason, and carries on', async () => {
    const db = openDb();
    const seen: number[] = [];
    const queue = numbers(
      db,
      async (n) => {
        if (n === 7) throw new Error('seven is bad');
        seen.push(n);
      },
      { maxReceives: 3 },
    );
    await queue.send(7);
    await queue.send(8);
    await queue.idle();
    expect(seen).toEqual([8]);
    expect(await queue.deadLetters()).toEqual([
      { queue: 'numbers', message: 7, reason: 'seven is bad', receiveCount: 3, deadAt: expect.any(String) },
    ]);
  });

  it('lets a duplicate wait for its twin still at work as long as that takes, never dead-lettering it', async () => {
    const db = openDb();
    let waits = 0;
    const done: number[] = [];
    const queue = numbers(
      db,
      async (n) => {
        // Another worker holds this message's work for longer than maxReceives deliveries.
        if (waits++ < 6) throw new WorkInProgress(`job:${n}`);
        done.push(n);
      },
      { maxReceives: 3 },
    );
    await queue.send(5);
    await queue.idle();
    expect(done).toEqual([5]);
    expect(await queue.deadLetters()).toEqual([]);
  });

  it('holds a delayed message back, across a restart', async () => {
    let db = openDb();
    let now = 1_000_000;
    const seen: number[] = [];
    const queue = numbers(db, async (n) => void seen.push(n), { now: () => now });
    await queue.send(1, { delayMs: 60_000 });
    await queue.send(2);
    await eventually('the undelayed message', () => seen.length === 1);
    closeDb(db);

    db = openDb();
    const restarted = numbers(db, async (n) => void seen.push(n), { now: () => now });
    expect(restarted.depth()).toBe(1);
    now += 60_000;
    await restarted.idle();
    expect(seen).toEqual([2, 1]);
  });

  it('wakes for a message that falls due between two readings of the clock', async () => {
    // Every reading moves the clock on a millisecond, so for one of these delays the queue
    // looks for a ready message just before it is due and reads the clock again once it is.
    const db = openDb();
    let clock = 1_000_000;
    const seen: number[] = [];
    const queue = numbers(db, async (n) => void seen.push(n), { now: () => clock++ });
    const delays = [1, 2, 3, 4, 5, 6, 7, 8];
    for (const delayMs of delays) await queue.send(delayMs, { delayMs });
    await eventually('every delayed message', () => seen.length === delays.length);
    expect(seen.sort((a, b) => a - b)).toEqual(delays);
  });

  it('redelivers what a stopped run was delivering, keeping its receive count', async () => {
    let db = openDb();
    let release: () => void = () => undefined;
    const stuck = numbers(db, () => new Promise<void>((resolve) => (release = resolve)));
    await stuck.send(5);
    await eventually(
      'the delivery to start',
      () => db.sql.prepare('SELECT leased FROM queue_messages').pluck().get() === 1,
    );
    closeDb(db);
    release();

    db = openDb();
    const counts: number[] = [];
    const queue = numbers(db, async () => {
      counts.push(db.sql.prepare('SELECT receive_count FROM queue_messages').pluck().get() as number);
    });
    await queue.idle();
    expect(counts).toEqual([2]);
  });

  it('delivers again a message whose delivery outlives its visibility deadline', async () => {
    const db = openDb();
    let deliveries = 0;
    let release: () => void = () => undefined;
    const queue = numbers(
      db,
      () => {
        deliveries++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      { visibilityMs: 30, concurrency: 2 },
    );
    await queue.send(1);
    await eventually('a second delivery', () => deliveries === 2);
    release();
  });

  it('with an order key, runs different keys side by side and one key at a time in arrival order', async () => {
    const db = openDb();
    const running = new Set<number>();
    const seen: number[] = [];
    let most = 0;
    const gates = new Map<number, () => void>();
    // Tens digit is the key: 11, 12, 13 one after another; 21, 22 beside them.
    const queue = numbers(
      db,
      (n) =>
        new Promise<void>((resolve) => {
          const key = Math.floor(n / 10);
          expect(running.has(key)).toBe(false);
          running.add(key);
          most = Math.max(most, running.size);
          gates.set(n, () => {
            running.delete(key);
            seen.push(n);
            resolve();
          });
        }),
      { concurrency: 4, orderKey: (n) => String(Math.floor(n / 10)) },
    );
    for (const n of [11, 12, 21, 13, 22]) await queue.send(n);
    await eventually('one of each key running', () => gates.has(11) && gates.has(21));
    expect([...gates.keys()]).toEqual([11, 21]);
    for (const n of [21, 11, 22, 12, 13]) {
      await eventually(`message ${n} to start`, () => gates.has(n));
      gates.get(n)!();
    }
    await queue.idle();
    expect(most).toBe(2);
    expect(seen.filter((n) => n < 20)).toEqual([11, 12, 13]);
    expect(seen.filter((n) => n > 20)).toEqual([21, 22]);
  });

  it("with two per key, starts a key's next message while the one before is still running, never a third", async () => {
    const db = openDb();
    const started: number[] = [];
    const gates = new Map<number, () => void>();
    const queue = numbers(
      db,
      (n) =>
        new Promise<void>((resolve) => {
          started.push(n);
          gates.set(n, resolve);
        }),
      { concurrency: 8, orderKey: (n) => String(Math.floor(n / 10)), perKey: 2 },
    );
    await Promise.all([11, 12, 13, 21].map((n) => queue.send(n)));
    await eventually('two of key 1 and the one of key 2 running', () => started.length === 3);
    expect(started).toEqual([11, 12, 21]);
    gates.get(11)!();
    await eventually('the third of key 1 to start', () => started.length === 4);
    expect(started[3]).toBe(13);
    for (const n of [12, 13, 21]) gates.get(n)!();
    await queue.idle();
  });

  it('keeps the order of a key across a restart, for messages an earlier run stored', async () => {
    let db = openDb();
    let now = 1_000_000;
    const earlier = numbers(db, async () => undefined, { now: () => now });
    for (const n of [31, 41, 32, 42, 33]) await earlier.send(n, { delayMs: 60_000 });
    closeDb(db);

    db = openDb();
    now += 60_000;
    const seen: number[] = [];
    const queue = numbers(db, async (n) => void seen.push(n), {
      now: () => now,
      concurrency: 3,
      orderKey: (n) => String(Math.floor(n / 10)),
    });
    await queue.idle();
    expect(seen.filter((n) => n < 40)).toEqual([31, 32, 33]);
    expect(seen.filter((n) => n > 40)).toEqual([41, 42]);
    expect(queue.depth()).toBe(0);
  });

  it('dead-letters a message that kills the process on every delivery, across restarts', async () => {
    const child = fileURLToPath(new URL('./testing/crashing-consumer.ts', import.meta.url));
    const run = (send: boolean) =>
      new Promise<number | null>((resolve, reject) => {
        const proc = fork(child, [dir, send ? 'send' : 'consume'], {
          execArgv: ['--import', 'tsx'],
          stdio: 'ignore',
        });
        proc.on('error', reject);
        proc.on('exit', (code, signal) => resolve(signal === 'SIGKILL' ? -9 : code));
      });
    expect(await run(true)).toBe(-9);
    const exits: (number | null)[] = [];
    for (let i = 0; i < 4; i++) exits.push(await run(false));
    expect(exits).toEqual([-9, -9, 0, 0]);

    const db = openDb();
    const letters = db.sql
      .prepare("SELECT receive_count AS receiveCount, reason FROM queue_messages WHERE queue = 'poison'")
      .all();
    expect(letters).toEqual([
      { receiveCount: 3, reason: 'delivered 3 times without finishing (the process stopped during each)' },
    ]);
  });
});
