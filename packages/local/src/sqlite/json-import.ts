import { mkdir, open, readdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from '@live-scores/core';
import { Scorecard } from '@live-scores/schema';
import type { z } from 'zod';
import { BroadcastWatermarksFile } from '../broadcast-watermark.ts';
import { createFileQueueStores } from '../embedded-queue.ts';
import { EventLogFile } from '../event-log.ts';
import { FixturesFile } from '../file-fixtures-table.ts';
import { IdempotencyFile } from '../idempotency-store.ts';
import { JsonFileStore } from '../json-file-store.ts';
import { RulesStatesFile } from '../rules-state-store.ts';
import { SubscriptionsFile } from '../subscription-store.ts';
import type { LocalDatabase } from './database.ts';
import type { QueueCodec } from './sqlite-queue.ts';
import { createSqliteSubscriptionStore } from './sqlite-subscriptions.ts';

/** Where the JSON stores' files go once imported (kept, never deleted). */
export const IMPORTED_DIR = 'json-stores-imported';
const IMPORT_MARK = 'json-import';

export interface JsonImportOptions {
  logger: Logger;
  /** Each queue's name and how the database keeps its messages. */
  queues: Record<string, { schema: z.ZodType; codec: QueueCodec<never> }>;
  now?: () => number;
}

export interface JsonImportReport {
  imported: boolean;
  files: string[];
  counts: Record<string, number>;
}

const exists = async <T>(document: JsonFileStore<T>): Promise<boolean> => {
  try {
    await (await open(document.path, 'r')).close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
};

async function listJson(dir: string, depth: number): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const name of names.sort()) {
    if (depth > 0) out.push(...(await listJson(join(dir, name), depth - 1)));
    else if (name.endsWith('.json')) out.push(join(dir, name));
  }
  return out;
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A data dir written by the JSON stores, brought into the database on first start:
 * subscriptions, fixtures, rules state, event log, idempotency records, broadcast marks,
 * stored scorecards, and each queue's unfinished messages and dead letters. Every file is
 * validated first (a corrupt one stops the import with its name, and nothing is half-done);
 * all rows go in one transaction that also records the import, then the files are moved
 * under `json-stores-imported/`. A crash between the two only leaves files to move next time.
 */
export async function importJsonStores(
  db: LocalDatabase,
  dataDir: string,
  options: JsonImportOptions,
): Promise<JsonImportReport> {
  const now = options.now ?? Date.now;
  const documents = {
    subscriptions: new JsonFileStore(join(dataDir, 'subscriptions.json'), SubscriptionsFile, () => ({})),
    fixtures: new JsonFileStore(join(dataDir, 'fixtures.json'), FixturesFile, () => ({})),
    rules: new JsonFileStore(join(dataDir, 'rules-state.json'), RulesStatesFile, () => ({})),
    events: new JsonFileStore(join(dataDir, 'event-log.json'), EventLogFile, () => ({})),
    idempotency: new JsonFileStore(join(dataDir, 'idempotency.json'), IdempotencyFile, () => ({})),
    watermarks: new JsonFileStore(
      join(dataDir, 'broadcast-watermarks.json'),
      BroadcastWatermarksFile,
      () => ({}),
    ),
  };
  const queueFiles = Object.entries(options.queues).map(([name, { schema }]) => ({
    name,
    ...createFileQueueStores<unknown>(join(dataDir, 'queues'), name, schema as z.ZodType<unknown>),
  }));
  const all: JsonFileStore<unknown>[] = [
    ...Object.values(documents),
    ...queueFiles.flatMap((q) => [q.journal, q.deadLetters]),
  ] as JsonFileStore<unknown>[];
  const present = [] as JsonFileStore<unknown>[];
  for (const document of all) if (await exists(document)) present.push(document);
  const scorecardFiles = [
    ...(await listJson(join(dataDir, 'scorecards'), 1)),
    ...(await listJson(join(dataDir, 'matches'), 0)),
  ];
  const files = [...present.map((d) => d.path), ...scorecardFiles];
  const lockFile = join(dataDir, 'runtime.pid');
  const report: JsonImportReport = { imported: false, files, counts: {} };
  if (files.length === 0) return report;

  const already = db.sql.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(IMPORT_MARK);
  if (already === undefined) {
    const subscriptions: z.infer<typeof SubscriptionsFile> = await documents.subscriptions.read();
    const fixtures: z.infer<typeof FixturesFile> = await documents.fixtures.read();
    const rules: z.infer<typeof RulesStatesFile> = await documents.rules.read();
    const events: z.infer<typeof EventLogFile> = await documents.events.read();
    const idempotency: z.infer<typeof IdempotencyFile> = await documents.idempotency.read();
    const watermarks: z.infer<typeof BroadcastWatermarksFile> = await documents.watermarks.read();
    const queues = await Promise.all(
      queueFiles.map(async (q) => ({
        name: q.name,
        journal: await q.journal.read(),
        dead: await q.deadLetters.read(),
      })),
    );
    const scorecards: { key: string; scorecard: Scorecard }[] = [];
    for (const path of scorecardFiles) {
      const scorecard = await new JsonFileStore(path, Scorecard.nullable(), () => null).read();
      if (scorecard) scorecards.push({ key: path.slice(dataDir.length + 1), scorecard });
    }

    const store = createSqliteSubscriptionStore(db);
    const { sql } = db;
    await db.write(() => {
      const at = now();
      for (const subscription of Object.values(subscriptions)) void store.put(subscription);
      const fixture = sql.prepare(
        'INSERT OR REPLACE INTO fixtures (date, match_id, discovered_at, body) VALUES (?, ?, ?, ?)',
      );
      for (const f of Object.values(fixtures))
        fixture.run(f.date, f.matchId, Date.parse(f.discoveredAt), JSON.stringify(f));
      const rule = sql.prepare(
        'INSERT OR REPLACE INTO rules_state (match_id, state, version) VALUES (?, ?, ?)',
      );
      for (const [matchId, r] of Object.entries(rules)) rule.run(matchId, JSON.stringify(r.state), r.version);
      const event = sql.prepare('INSERT OR REPLACE INTO event_log (event_id, recorded_at) VALUES (?, ?)');
      for (const [id, recordedAt] of Object.entries(events)) event.run(id, recordedAt);
      const claim = sql.prepare(
        'INSERT OR REPLACE INTO idempotency (key, status, lease_until, owner, completed_at) VALUES (?, ?, ?, ?, ?)',
      );
      for (const [key, r] of Object.entries(idempotency))
        if (r.status === 'completed') claim.run(key, r.status, null, null, r.completedAt);
        else claim.run(key, r.status, r.leaseUntil, r.owner, null);
      const mark = sql.prepare(
        'INSERT OR REPLACE INTO broadcast_watermarks (match_id, captured_at, seq) VALUES (?, ?, ?)',
      );
      for (const [matchId, m] of Object.entries(watermarks)) mark.run(matchId, m.capturedAt, m.seq);
      const card = sql.prepare('INSERT OR REPLACE INTO scorecards (key, body) VALUES (?, ?)');
      for (const { key, scorecard } of scorecards) card.run(key, JSON.stringify(scorecard));
      const message = sql.prepare(
        `INSERT INTO queue_messages (queue, body, receive_count, visible_at, dead_at, reason)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      let unfinished = 0;
      let deadLetters = 0;
      for (const q of queues) {
        const { codec } = options.queues[q.name]!;
        const body = (m: unknown): string => JSON.stringify(codec.encode(m as never));
        for (const e of q.journal) message.run(q.name, body(e.message), e.receiveCount, at, null, null);
        for (const d of q.dead)
          message.run(q.name, body(d.message), d.receiveCount, at, Date.parse(d.deadAt), d.reason);
        unfinished += q.journal.length;
        deadLetters += q.dead.length;
      }
      sql.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(IMPORT_MARK, new Date(at).toISOString());
      report.counts = {
        subscriptions: Object.keys(subscriptions).length,
        fixtures: Object.keys(fixtures).length,
        scorecards: scorecards.length,
        unfinishedMessages: unfinished,
        deadLetters,
      };
    });
    report.imported = true;
  }

  const aside = join(dataDir, IMPORTED_DIR);
  for (const path of [...files, lockFile]) {
    const target = join(aside, path.slice(dataDir.length + 1));
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    try {
      await rename(path, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  await syncDir(dataDir);
  options.logger.info(
    report.imported ? 'imported the JSON stores into the database' : 'moved imported JSON stores aside',
    {
      files: files.length,
      movedTo: aside,
      ...report.counts,
    },
  );
  return report;
}
