import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@live-scores/core';
import {
  createSqliteSubscriptionStore,
  DatabaseInUseError,
  importJsonStores,
  openLocalDatabase,
  pushQueueCodec,
  schemaCodec,
  type LocalDatabase,
  type QueueCodec,
} from '@live-scores/local';
import { QUEUE_MESSAGES, QUEUE_NAMES, type QueueName } from './queues.ts';
import { StartupError } from './startup-error.ts';

/** Names the process holding the data dir, for the operator; the database's lock is what excludes. */
export const PID_FILE = 'runtime.pid';

/** How each queue keeps its messages in the database: push jobs refer to subscription rows. */
export function queueCodecs(db: LocalDatabase): Record<QueueName, QueueCodec<never>> {
  const subscriptions = createSqliteSubscriptionStore(db);
  return Object.fromEntries(
    QUEUE_NAMES.map((name) => [
      name,
      name === 'push' ? pushQueueCodec(subscriptions) : schemaCodec(QUEUE_MESSAGES[name] as never),
    ]),
  ) as Record<QueueName, QueueCodec<never>>;
}

/** The pid a running runtime wrote, when it can be read. */
async function holderPid(dataDir: string): Promise<number | undefined> {
  const pid = Number((await readFile(join(dataDir, PID_FILE), 'utf8').catch(() => '')).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** "the runtime (pid 123)", or without the pid when it cannot be read. */
export async function describeHolder(dataDir: string): Promise<string> {
  const pid = await holderPid(dataDir);
  return pid === undefined ? 'another live-scores process' : `the runtime (pid ${pid})`;
}

/** The data dir is held by a running runtime (or another live-scores process). */
export class DataDirInUseError extends StartupError {}

export interface OpenRuntimeDatabaseOptions {
  logger: Logger;
  /** The runtime itself, not a command like `dlq`: it records its pid for the operator. */
  owner?: boolean;
  maxPageCount?: number;
}

/**
 * The data dir's database, held exclusively until closed: one runtime per data dir, and no
 * `dlq` replay under a running one. Opening also imports a data dir the JSON stores wrote.
 * Anything the operator must fix is a `StartupError` with one line.
 */
export async function openRuntimeDatabase(
  dataDir: string,
  options: OpenRuntimeDatabaseOptions,
): Promise<LocalDatabase> {
  let db: LocalDatabase;
  try {
    db = openLocalDatabase(dataDir, { logger: options.logger, maxPageCount: options.maxPageCount });
  } catch (error) {
    if (error instanceof DatabaseInUseError)
      throw new DataDirInUseError(`${await describeHolder(dataDir)} is using the data dir ${dataDir}`);
    throw new StartupError(`${join(dataDir, 'live-scores.db')}: cannot open: ${(error as Error).message}`);
  }
  try {
    const check = db.integrityCheck();
    if (check !== 'ok')
      throw new StartupError(`${db.path} failed its integrity check: ${check} (restore it from a backup)`);
    try {
      const codecs = queueCodecs(db);
      const queues = Object.fromEntries(
        QUEUE_NAMES.map((name) => [name, { schema: QUEUE_MESSAGES[name], codec: codecs[name] }]),
      );
      await importJsonStores(db, dataDir, { logger: options.logger, queues });
    } catch (error) {
      throw new StartupError(
        `corrupt state file, not starting: ${(error as Error).message} (fix or restore it; it is never reset silently)`,
      );
    }
    if (options.owner) await writeFile(join(dataDir, PID_FILE), `${process.pid}\n`);
  } catch (error) {
    db.close();
    throw error;
  }
  if (!options.owner) return db;
  return {
    ...db,
    close() {
      db.close();
      void rm(join(dataDir, PID_FILE), { force: true });
    },
  };
}

/** A new match day (the demo): today's match state goes; subscriptions and claims stay. */
export async function clearMatchDay(db: LocalDatabase): Promise<void> {
  await db.write(() =>
    db.sql.exec(
      'DELETE FROM fixtures; DELETE FROM rules_state; DELETE FROM event_log; DELETE FROM queue_messages; DELETE FROM scorecards; DELETE FROM over_histories;',
    ),
  );
}
