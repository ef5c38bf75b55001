import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger, recordOvers } from '@live-scores/core';
import { foldOvers, overHistoryOf } from '@live-scores/notify';
import type { OverFold, StoredOverHistory } from '@live-scores/schema';
import { ballsUpTo, scorecardAfterBall } from '@live-scores/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalDatabase, type LocalDatabase } from './database.ts';
import { createSqliteOverHistoryStore } from './sqlite-over-histories.ts';

let dir: string;
let db: LocalDatabase;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sqlite-overs-'));
  db = openLocalDatabase(dir, { logger: createMemoryLogger() });
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

function storedAfter(balls: readonly number[]): StoredOverHistory {
  const fold = balls.map((b) => scorecardAfterBall(b)).reduce<OverFold | undefined>(foldOvers, undefined)!;
  return { fold, history: overHistoryOf(fold) };
}

const noPages = {
  connections: {
    add: async () => undefined,
    remove: async () => undefined,
    listPage: async () => ({ connections: [] }),
  },
  sender: { send: async () => 'sent' as const },
};

describe('the SQLite over history store', () => {
  it('creates a match’s history once, then replaces only the version it names, across a restart', async () => {
    const store = createSqliteOverHistoryStore(db);
    const first = storedAfter([1, 2, 3]);
    const second = storedAfter([1, 2, 3, 4, 5, 6, 7]);

    expect(await store.load('6123456')).toBeUndefined();
    expect(await store.save(first, undefined)).toBe('saved');
    expect(await store.save(first, undefined)).toBe('conflict');
    const loaded = await store.load('6123456');
    expect(loaded).toEqual({ ...first, version: '1' });

    expect(await store.save(second, loaded!.version)).toBe('saved');
    expect(await store.save(first, loaded!.version)).toBe('conflict');

    db.close();
    db = openLocalDatabase(dir, { logger: createMemoryLogger() });
    expect(await createSqliteOverHistoryStore(db).load('6123456')).toEqual({ ...second, version: '2' });
  });

  it('keeps every proven over when scorecards of one match are recorded at the same time', async () => {
    const store = createSqliteOverHistoryStore(db);
    const deps = { store, ...noPages, logger: createMemoryLogger() };
    await Promise.all(
      ballsUpTo(18).map((ball) => recordOvers(deps, scorecardAfterBall(ball), { maxAttempts: 40 })),
    );

    expect((await store.load('6123456'))?.history).toEqual(storedAfter(ballsUpTo(18)).history);
  });

  it('refuses a row that is not an over history rather than serving it', async () => {
    db.sql
      .prepare('INSERT INTO over_histories (match_id, body, version) VALUES (?, ?, 1)')
      .run('6123456', '{"history":{}}');
    await expect(createSqliteOverHistoryStore(db).load('6123456')).rejects.toThrow();
  });
});
