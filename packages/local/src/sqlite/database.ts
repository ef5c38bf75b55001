import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@live-scores/core';
import Database from 'better-sqlite3';
import { createLogFlusher } from './log-flusher.ts';
import { SCHEMA } from './schema.ts';

export const DATABASE_FILE = 'live-scores.db';

/** Raised when another process holds the data dir's database (its exclusive lock). */
export class DatabaseInUseError extends Error {
  constructor(readonly path: string) {
    super(`${path} is in use by another live-scores process`);
    this.name = 'DatabaseInUseError';
  }
}

export interface StorageHealth {
  /** The database file and its write-ahead log, in bytes. */
  bytes: number;
  /** `full`: the last write failed for lack of space (SQLITE_FULL); nothing stored was lost. */
  status: 'ok' | 'full';
  error?: string;
}

export interface LocalDatabase {
  readonly path: string;
  /** The connection, for reads: they see every write made so far in this process. */
  readonly sql: Database.Database;
  /**
   * Runs `change` in the current write transaction and resolves once that transaction is
   * committed to disk. Writes made in the same tick share one commit, and commits made while
   * an fsync runs share the next one (group commit), so a burst of enqueues costs one fsync,
   * not one each; a failing `change` undoes only itself. The fsync runs off the event loop.
   * With `until: 'committed'` it resolves once the commit is written, before the fsync: the
   * write then survives the process dying, not necessarily a power cut.
   */
  write<R>(change: () => R, options?: { until?: 'committed' | 'durable' }): Promise<R>;
  health(): StorageHealth;
  /** `PRAGMA integrity_check`'s answer: `ok` when the file is sound. */
  integrityCheck(): string;
  close(): void;
}

export interface OpenDatabaseOptions {
  logger: Logger;
  /** Caps the file at this many pages: how tests make a full disk. */
  maxPageCount?: number;
  /**
   * `fsync` (the default): a resolved write survives a power cut. `os`: it survives the process
   * dying but may be lost with the machine; only the benchmark uses it, to show what fsync costs.
   */
  durability?: 'fsync' | 'os';
}

const errorCode = (error: unknown): string | undefined => (error as { code?: string }).code;

export const isDatabaseFull = (error: unknown): boolean =>
  errorCode(error)?.startsWith('SQLITE_FULL') ?? false;

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Opens (creating if needed) `<dataDir>/live-scores.db`: WAL, every commit fsynced before its
 * writes resolve (so a resolved write survives a power cut too), and exclusive locking,
 * which makes the database's own lock the one-runtime-per-data-dir lock: the OS drops it when
 * the process dies however it dies, so there is no pid file to go stale. The directory is
 * made 0700 and the file 0600: it holds subscribers' push endpoints and keys.
 */
export function openLocalDatabase(dataDir: string, options: OpenDatabaseOptions): LocalDatabase {
  const { logger } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const path = join(dataDir, DATABASE_FILE);
  const sql = new Database(path, { timeout: 0 });
  try {
    sql.exec('PRAGMA locking_mode = EXCLUSIVE');
    sql.exec('PRAGMA journal_mode = WAL');
    // NORMAL: a commit writes the log without waiting for the disk. Unless durability is `os`,
    // the log is fsynced on the thread pool before the commit's writes resolve: what FULL does,
    // without stopping every socket and timer of the process for the length of an fsync.
    sql.exec('PRAGMA synchronous = NORMAL');
    sql.exec('PRAGMA foreign_keys = ON');
    // Takes the exclusive lock now and holds it until close.
    sql.exec('BEGIN EXCLUSIVE');
    sql.exec('COMMIT');
  } catch (error) {
    sql.close();
    if (errorCode(error)?.startsWith('SQLITE_BUSY')) throw new DatabaseInUseError(path);
    throw error;
  }
  sql.exec(SCHEMA);
  if (options.maxPageCount !== undefined) sql.exec(`PRAGMA max_page_count = ${options.maxPageCount}`);
  for (const file of [path, `${path}-wal`]) {
    try {
      chmodSync(file, 0o600);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }

  const log = options.durability === 'os' ? undefined : createLogFlusher(`${path}-wal`);
  let closed = false;
  let full: string | undefined;
  let batch: { settle: (error?: unknown) => void; durable: boolean }[] | undefined;

  const noteOutcome = (error: unknown): void => {
    if (isDatabaseFull(error)) {
      if (full === undefined)
        logger.error('database full: writes are refused until space is freed', { path, error });
      full = (error as Error).message;
    }
  };

  function commit(): void {
    if (!batch) return;
    const settled = batch;
    batch = undefined;
    const settleAll = (failure?: unknown, waiters = settled): void => {
      for (const waiter of waiters) waiter.settle(failure);
    };
    try {
      sql.exec('COMMIT');
      if (full !== undefined) logger.info('database writable again', { path });
      full = undefined;
    } catch (error) {
      noteOutcome(error);
      if (sql.inTransaction) sql.exec('ROLLBACK');
      settleAll(error);
      return;
    }
    if (!log) return settleAll();
    settleAll(
      undefined,
      settled.filter((waiter) => !waiter.durable),
    );
    const durable = settled.filter((waiter) => waiter.durable);
    if (durable.length === 0) return;
    log.flush().then(
      () => settleAll(undefined, durable),
      (error: unknown) => {
        // Closing checkpointed the log into the database file and synced that.
        if (closed) return settleAll(undefined, durable);
        logger.error('cannot fsync the database log', { path, error });
        settleAll(error, durable);
      },
    );
  }

  return {
    path,
    sql,
    write<R>(change: () => R, writeOptions?: { until?: 'committed' | 'durable' }): Promise<R> {
      try {
        if (!batch) {
          sql.exec('BEGIN IMMEDIATE');
          batch = [];
          setImmediate(commit);
        }
        sql.exec('SAVEPOINT one_write');
      } catch (error) {
        noteOutcome(error);
        return Promise.reject(error as Error);
      }
      let result: R;
      try {
        result = change();
        sql.exec('RELEASE one_write');
      } catch (error) {
        noteOutcome(error);
        try {
          sql.exec('ROLLBACK TO one_write');
          sql.exec('RELEASE one_write');
        } catch {
          // SQLite already rolled the whole transaction back (it may, on a full disk): the
          // batch's other writes are gone too, so they fail now rather than at commit.
          const lost = batch ?? [];
          batch = undefined;
          if (sql.inTransaction) sql.exec('ROLLBACK');
          for (const waiter of lost) waiter.settle(error);
        }
        return Promise.reject(error as Error);
      }
      return new Promise<R>((resolve, reject) =>
        batch!.push({
          settle: (error) => (error === undefined ? resolve(result) : reject(error as Error)),
          durable: writeOptions?.until !== 'committed',
        }),
      );
    },
    health: () => ({
      bytes: fileBytes(path) + fileBytes(`${path}-wal`),
      status: full === undefined ? 'ok' : 'full',
      ...(full !== undefined ? { error: full } : {}),
    }),
    integrityCheck: () => String(sql.prepare('PRAGMA integrity_check').pluck().get()),
    close() {
      if (batch) commit();
      closed = true;
      sql.close();
      void log?.close().catch(() => undefined);
    },
  };
}
