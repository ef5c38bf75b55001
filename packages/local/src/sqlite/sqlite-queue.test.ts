import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryLogger } from '@live-scores/core';
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
    for (const n of [1, 2, 3]) await queue.send(n);
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
