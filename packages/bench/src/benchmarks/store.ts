import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMemoryLogger,
  handlePushMessage,
  type DeliveryClaims,
  type IdempotencyStore,
  type PushQueue,
  type PushSender,
  type SubscriptionStore,
} from '@live-scores/core';
import {
  createEmbeddedQueue,
  createFileIdempotencyStore,
  createFileQueueStores,
  createFileSubscriptionStore,
  createMemoryDeliveryClaims,
  createSqliteDeliveryClaims,
  createSqliteIdempotencyStore,
  createSqliteQueue,
  createSqliteSubscriptionStore,
  openLocalDatabase,
  pushQueueCodec,
  schemaCodec,
  writeFileAtomic,
  type EmbeddedQueue,
} from '@live-scores/local';
import { NotificationEvent, PushQueueMessage, type Subscription } from '@live-scores/schema';
import { z } from 'zod';
import { percentile } from '../stats.ts';
import type { Benchmark, BenchResult } from '../types.ts';

export interface StoreBenchOptions {
  /** Subscriptions stored before subscribing and fanning out. */
  subscribers?: number;
  /** Timed subscribes per store. */
  subscribes?: number;
  /** Messages through each queue per round. */
  queueMessages?: { sqlite: number; json: number };
  queueRounds?: number;
  /** Handlers running at once in the queue round. */
  queueConcurrency?: number;
}

const keys = {
  p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url'),
  auth: Buffer.alloc(16, 9).toString('base64url'),
};
const subscription = (n: number): Subscription => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/bench-${n}-${'k'.repeat(140)}`,
  keys,
});

const EVENT = NotificationEvent.parse({
  id: '6123456:1:wicket:2',
  matchId: '6123456',
  teamId: 'firstTeam',
  kind: 'wicket',
  title: 'Wicket! Cleckheaton 45 for 2',
  body: 'Batter Number 3 ct Fielder 3 b Bowler 3, 12 (20)',
  createdAt: '2025-06-14T15:00:00.000Z',
});

/** Bytes this process has passed to write(2) so far (Linux); what a store costs the disk. */
const bytesWritten = (): number => Number(/wchar:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))![1]);

const delivered: PushSender = { send: async () => ({ kind: 'delivered' }) };

interface Stores {
  subscriptions: SubscriptionStore;
  idempotency: IdempotencyStore;
  claims: DeliveryClaims;
  /** Stores `count` subscriptions as a running system would have them. */
  seed(count: number): Promise<void>;
  queue<T>(
    name: string,
    schema: z.ZodType<T>,
    handler: (m: T) => Promise<void>,
    concurrency: number,
    codec?: 'push',
  ): EmbeddedQueue<T> & { send(m: T, o?: { delayMs?: number }): Promise<void> };
  close(): void;
}

/** `sqlite-os`: SQLite without fsync on commit, measured only to show what the fsync costs. */
type Kind = 'sqlite' | 'sqlite-os' | 'json';

async function openStores(kind: Kind, dir: string): Promise<Stores> {
  const logger = createMemoryLogger('bench');
  if (kind === 'json') {
    const path = join(dir, 'subscriptions.json');
    const closers: (() => void)[] = [];
    return {
      subscriptions: createFileSubscriptionStore(path),
      idempotency: createFileIdempotencyStore(join(dir, 'idempotency.json')),
      // The JSON stores never had claims: their runtime resent a redelivered job whole.
      claims: createMemoryDeliveryClaims(),
      seed: (count) =>
        writeFileAtomic(
          path,
          JSON.stringify(
            Object.fromEntries(
              Array.from({ length: count }, (_, i) => [subscription(i).endpoint, subscription(i)]),
            ),
          ),
        ),
      queue(name, schema, handler, concurrency) {
        const queue = createEmbeddedQueue({
          name,
          logger,
          handler,
          concurrency,
          ...createFileQueueStores(join(dir, 'queues'), name, schema),
        });
        closers.push(() => queue.close());
        // The JSON stores' push queue held a delayed job in a timer; the bench delays none.
        return queue;
      },
      close: () => closers.forEach((close) => close()),
    };
  }
  const db = openLocalDatabase(dir, { logger, durability: kind === 'sqlite-os' ? 'os' : 'fsync' });
  const subscriptions = createSqliteSubscriptionStore(db);
  const closers: (() => void)[] = [];
  return {
    subscriptions,
    idempotency: createSqliteIdempotencyStore(db),
    claims: createSqliteDeliveryClaims(db),
    seed: async (count) => {
      await Promise.all(Array.from({ length: count }, (_, i) => subscriptions.put(subscription(i))));
    },
    queue(name, schema, handler, concurrency, codec) {
      const queue = createSqliteQueue(db, {
        name,
        logger,
        handler,
        concurrency,
        codec: codec === 'push' ? (pushQueueCodec(subscriptions) as never) : schemaCodec(schema),
      });
      closers.push(() => queue.close());
      return queue;
    },
    close: () => {
      closers.forEach((close) => close());
      db.close();
    },
  };
}

/** Runs `measure` on a fresh data dir for `kind`, removing it after. */
async function withStores<R>(kind: Kind, measure: (stores: Stores) => Promise<R>): Promise<R> {
  const dir = await mkdtemp(join(tmpdir(), `bench-store-${kind}-`));
  const stores = await openStores(kind, dir);
  try {
    return await measure(stores);
  } finally {
    stores.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Fans one event out to every stored subscriber through the push queue; returns bytes written. */
async function fanOutBytes(stores: Stores, subscribers: number): Promise<{ bytes: number; sent: number }> {
  await stores.seed(subscribers);
  let sent = 0;
  const sender: PushSender = { send: async (s, m) => (sent++, delivered.send(s, m)) };
  const pushQueue: PushQueue = {
    enqueueEvents: async (events) => {
      for (const event of events) await push.send({ type: 'event', event });
    },
    enqueueJobs: async (jobs, options) => {
      for (const job of jobs) await push.send(job, options);
    },
    enqueueDigestFlush: (flush, options) => push.send(flush, options),
  };
  const deps = {
    sender,
    subscriptions: stores.subscriptions,
    pushQueue,
    idempotency: stores.idempotency,
    claims: stores.claims,
    logger: createMemoryLogger('bench'),
  };
  const push = stores.queue(
    'push',
    PushQueueMessage,
    async (message) =>
      void (await handlePushMessage(deps, message, { pageUrl: '/', ttlSeconds: { score: 60, result: 60 } })),
    1,
    'push',
  );
  const before = bytesWritten();
  await pushQueue.enqueueEvents([EVENT]);
  await push.idle();
  return { bytes: bytesWritten() - before, sent };
}

/** Durable enqueue + receive + acknowledge of `count` messages; messages per second. */
async function queueRate(stores: Stores, count: number, concurrency: number): Promise<number> {
  const queue = stores.queue('numbers', z.number(), async () => undefined, concurrency);
  const started = performance.now();
  for (let i = 0; i < count; i += 100)
    await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => queue.send(i + j)));
  await queue.idle();
  return (count / (performance.now() - started)) * 1000;
}

const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

/**
 * The single-machine stores, SQLite against the JSON files they replaced, in the same run:
 * subscribe latency with many stored, bytes written to fan one event out, and queue throughput.
 * Subscribes alternate one by one between the two, and queue rounds alternate, so a busy
 * moment on the machine lands on both.
 */
export function storeBenchmark(options: StoreBenchOptions = {}): Benchmark {
  const subscribers = options.subscribers ?? 10_000;
  const subscribes = options.subscribes ?? 100;
  const queueMessages = options.queueMessages ?? { sqlite: 5_000, json: 300 };
  const messagesFor = (kind: Kind): number => (kind === 'json' ? queueMessages.json : queueMessages.sqlite);
  const queueRounds = options.queueRounds ?? 3;
  const queueConcurrency = options.queueConcurrency ?? 32;
  return {
    name: 'store',
    async run(): Promise<BenchResult[]> {
      // Subscribe latency, A/B one put at a time.
      const latencies = await withStores('sqlite', (sqlite) =>
        withStores('sqlite-os', (sqliteOs) =>
          withStores('json', async (json) => {
            const all = [
              ['sqlite', sqlite],
              ['sqlite-os', sqliteOs],
              ['json', json],
            ] as const;
            for (const [, stores] of all) await stores.seed(subscribers);
            const ms: Record<Kind, number[]> = { sqlite: [], 'sqlite-os': [], json: [] };
            for (let i = 0; i < subscribes; i++) {
              for (const [kind, stores] of all) {
                const started = performance.now();
                await stores.subscriptions.put(subscription(subscribers + i));
                ms[kind].push(performance.now() - started);
              }
            }
            const p99 = (kind: Kind): number => percentile(ms[kind], 99);
            return { sqlite: p99('sqlite'), sqliteOs: p99('sqlite-os'), json: p99('json') };
          }),
        ),
      );

      const fanOut = {
        sqlite: await withStores('sqlite', (s) => fanOutBytes(s, subscribers)),
        json: await withStores('json', (s) => fanOutBytes(s, subscribers)),
      };

      const rates: Record<Kind, number[]> = { sqlite: [], 'sqlite-os': [], json: [] };
      for (let round = 0; round < queueRounds; round++)
        for (const kind of ['sqlite', 'sqlite-os', 'json'] as const)
          rates[kind].push(await withStores(kind, (s) => queueRate(s, messagesFor(kind), queueConcurrency)));
      const rate = {
        sqlite: percentile(rates.sqlite, 50),
        sqliteOs: percentile(rates['sqlite-os'], 50),
        json: percentile(rates.json, 50),
      };

      const mb = (bytes: number): number => Math.round((bytes / 1e6) * 100) / 100;
      return [
        {
          key: 'store.subscribe_p99_ms',
          label: `Subscribe p99 with ${subscribers} stored subscriptions (SQLite, every commit fsynced)`,
          value: Math.round(latencies.sqlite * 100) / 100,
          unit: 'ms',
          target: { op: '<=', value: 5 },
          detail: {
            jsonP99Ms: Math.round(latencies.json * 10) / 10,
            withoutFsyncP99Ms: Math.round(latencies.sqliteOs * 100) / 100,
            subscribes,
          },
        },
        {
          key: 'store.event_bytes_written',
          label: `Bytes written to fan one event out to ${subscribers} subscribers through the push queue (SQLite)`,
          value: mb(fanOut.sqlite.bytes),
          unit: 'MB',
          target: { op: '<=', value: 5 },
          detail: { jsonMB: mb(fanOut.json.bytes), sent: fanOut.sqlite.sent, jsonSent: fanOut.json.sent },
        },
        {
          key: 'store.queue_per_s',
          label: `Durable enqueue + receive + acknowledge per second (SQLite, ${queueConcurrency} handlers)`,
          value: Math.round(rate.sqlite),
          unit: 'messages/s',
          target: { op: '>=', value: 5000 },
          detail: {
            jsonPerS: Math.round(rate.json),
            withoutFsyncPerS: Math.round(rate.sqliteOs),
            messages: queueMessages.sqlite,
            rounds: queueRounds,
          },
        },
        {
          key: 'store.ratio_vs_json.subscribe_p99',
          label: 'JSON-file subscribe p99 ÷ SQLite subscribe p99, same run',
          value: ratio(latencies.json, latencies.sqlite),
          unit: '×',
        },
        {
          key: 'store.ratio_vs_json.event_bytes',
          label: 'JSON-file bytes per event ÷ SQLite bytes per event, same run',
          value: ratio(fanOut.json.bytes, fanOut.sqlite.bytes),
          unit: '×',
        },
        {
          key: 'store.ratio_vs_json.queue_per_s',
          label: 'SQLite queue throughput ÷ JSON-journal queue throughput, same run',
          value: ratio(rate.sqlite, rate.json),
          unit: '×',
        },
      ];
    },
  };
}
