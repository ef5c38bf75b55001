import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '@live-scores/core';
import { modeOf } from '@live-scores/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../manual-clock.ts';
import { scorecard } from '../testing/scorecards.ts';
import { DatabaseInUseError, openLocalDatabase, type LocalDatabase } from './database.ts';
import { createSqliteFixturesTable } from './sqlite-fixtures.ts';
import { createSqliteScorecardStore } from './sqlite-scorecards.ts';
import {
  createSqliteBroadcastWatermark,
  createSqliteEventLog,
  createSqliteIdempotencyStore,
  createSqliteRulesStateStore,
} from './sqlite-state-stores.ts';
import { createSqliteSubscriptionStore } from './sqlite-subscriptions.ts';

let dir: string;
const opened: LocalDatabase[] = [];
const open = (maxPageCount?: number, logger = createMemoryLogger()): LocalDatabase => {
  const db = openLocalDatabase(dir, { logger, maxPageCount });
  opened.push(db);
  return db;
};
const reopen = (db: LocalDatabase): LocalDatabase => {
  db.close();
  opened.splice(opened.indexOf(db), 1);
  return open();
};
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sqlite-stores-'));
});
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await rm(dir, { recursive: true, force: true });
});

const keys = {
  p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'),
  auth: Buffer.alloc(16, 2).toString('base64url'),
};
const sub = (n: number, teams?: string[]) => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/${n}`,
  keys,
  ...(teams ? { preferences: { teams } } : {}),
});

describe('the local database', () => {
  it('is one file per data dir, readable by its owner only, and locked while open', async () => {
    const db = open();
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(db.path)).mode & 0o777).toBe(0o600);
    expect(() => openLocalDatabase(dir, { logger: createMemoryLogger() })).toThrow(DatabaseInUseError);
    expect(db.integrityCheck()).toBe('ok');
    expect(db.health()).toMatchObject({ status: 'ok', bytes: expect.any(Number) });
  });

  it('commits the writes of one tick together, and a failing write undoes only itself', async () => {
    const db = open();
    const insert = db.sql.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    const results = await Promise.allSettled([
      db.write(() => insert.run('a', '1').changes),
      db.write(() => insert.run('a', 'again').changes),
      db.write(() => insert.run('b', '2').changes),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reopened = reopen(db);
    expect(reopened.sql.prepare('SELECT key, value FROM meta ORDER BY key').raw().all()).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  it('reports a full disk once, in its health, and keeps what it already stored', async () => {
    const logger = createMemoryLogger();
    const db = open(undefined, logger);
    const subscriptions = createSqliteSubscriptionStore(db);
    await subscriptions.put(sub(0));
    const pages = db.sql.prepare('PRAGMA page_count').pluck().get() as number;
    db.sql.exec(`PRAGMA max_page_count = ${pages}`);
    let refused: unknown;
    for (let n = 1; n < 500 && !refused; n++)
      await subscriptions.put(sub(n)).catch((e: unknown) => (refused = e));
    await subscriptions.put(sub(1000)).catch(() => undefined);
    expect((refused as { code: string }).code).toBe('SQLITE_FULL');
    expect(db.health()).toMatchObject({ status: 'full', error: 'database or disk is full' });
    expect(logger.lines.filter((l) => String(l.message).startsWith('database full'))).toHaveLength(1);
    expect((await subscriptions.listPage()).subscriptions[0]).toEqual(sub(0));

    db.sql.exec('PRAGMA max_page_count = 100000');
    await subscriptions.put(sub(2000));
    expect(db.health().status).toBe('ok');
    expect(db.integrityCheck()).toBe('ok');
  });
});

describe('the SQLite subscription store', () => {
  it('creates, replaces, updates and deletes by endpoint, and survives a restart', async () => {
    const db = open();
    const store = createSqliteSubscriptionStore(db);
    expect(await store.put(sub(1))).toEqual({ created: true });
    expect(await store.put(sub(1, ['firstTeam']))).toEqual({ created: false });
    await store.put(sub(2, ['secondTeam']));
    expect(await store.updatePreferences(sub(2).endpoint, { kinds: ['result'] })).toBe(true);
    expect(await store.updatePreferences('https://fcm.googleapis.com/none', {})).toBe(false);
    await store.delete(sub(3).endpoint);

    const reopened = createSqliteSubscriptionStore(reopen(db));
    expect((await reopened.listPage()).subscriptions).toEqual([
      sub(1, ['firstTeam']),
      { ...sub(2), preferences: { kinds: ['result'] } },
    ]);
  });

  it("pages through a team's audience: those naming it and those naming no team", async () => {
    const store = createSqliteSubscriptionStore(open());
    for (let i = 0; i < 7; i++)
      await store.put(sub(i, i % 2 ? ['secondTeam'] : i === 4 ? ['firstTeam'] : undefined));
    const first = await store.listPageForTeam('firstTeam', undefined, 2);
    const second = await store.listPageForTeam('firstTeam', first.cursor, 2);
    const third = await store.listPageForTeam('firstTeam', second.cursor, 2);
    expect(
      [...first.subscriptions, ...second.subscriptions, ...third.subscriptions].map((s) => s.endpoint.at(-1)),
    ).toEqual(['0', '2', '4', '6']);
    expect(third.cursor).toBeUndefined();
    const changed = await store.updatePreferences(sub(1).endpoint, { teams: ['firstTeam'] });
    expect(changed).toBe(true);
    expect((await store.listPageForTeam('firstTeam')).subscriptions.map((s) => s.endpoint.at(-1))).toEqual([
      '0',
      '1',
      '2',
      '4',
      '6',
    ]);
  });

  it('keeps a mode across a restart, and reads a row stored before modes as everything', async () => {
    const db = open();
    const store = createSqliteSubscriptionStore(db);
    await store.put({ ...sub(1), preferences: { teams: ['firstTeam'], mode: 'key-moments' } });
    // A row exactly as the store wrote it before preferences had a mode.
    db.sql
      .prepare('INSERT INTO subscriptions (endpoint, body, all_teams) VALUES (?, ?, 1)')
      .run(sub(2).endpoint, JSON.stringify({ ...sub(2), preferences: { kinds: ['wicket'] } }));
    expect(await store.updatePreferences(sub(1).endpoint, { mode: 'results-only' })).toBe(true);

    const [changed, older] = (await createSqliteSubscriptionStore(reopen(db)).listPage()).subscriptions;
    expect(modeOf(changed?.preferences)).toBe('results-only');
    expect(older?.preferences).toEqual({ kinds: ['wicket'] });
    expect(modeOf(older?.preferences)).toBe('everything');
  });

  it('finds rows by endpoint and id, leaving out those gone', async () => {
    const store = createSqliteSubscriptionStore(open());
    await store.put(sub(1));
    await store.put(sub(2));
    const ids = store.idsOf([sub(2).endpoint, sub(1).endpoint, sub(9).endpoint]);
    expect([...ids.keys()]).toEqual([sub(2).endpoint, sub(1).endpoint]);
    await store.delete(sub(1).endpoint);
    expect(store.byIds([...ids.values()])).toEqual([sub(2)]);
  });
});

describe('the SQLite state stores', () => {
  it('saves rules state by version and refuses a stale one', async () => {
    const db = open();
    const states = createSqliteRulesStateStore(db);
    const state = {
      version: 1 as const,
      matchId: '6123456',
      last: { capturedAt: '2026-06-06T12:00:00.000Z', seq: 3 },
      innings: [],
      resultSent: false,
    };
    expect(await states.save('6123456', state, 0)).toBe('saved');
    expect(await states.save('6123456', state, 0)).toBe('conflict');
    expect(await createSqliteRulesStateStore(reopen(db)).load('6123456')).toEqual({ state, version: 1 });
  });

  it('records an event once, forgets it on release, and prunes old ids', async () => {
    let now = 1_000;
    const log = createSqliteEventLog(open(), { retainMs: 100, now: () => now });
    expect(await log.recordOnce('e1')).toBe(true);
    expect(await log.recordOnce('e1')).toBe(false);
    await log.release(['e1']);
    expect(await log.recordOnce('e1')).toBe(true);
    now += 200;
    expect(await log.recordOnce('e2')).toBe(true);
    expect(await log.recordOnce('e1')).toBe(true);
  });

  it('moves the broadcast watermark forward only', async () => {
    const mark = createSqliteBroadcastWatermark(open());
    expect(await mark.advance('m', { capturedAt: '2026-06-06T12:00:00.000Z', seq: 2 })).toEqual({
      advanced: true,
    });
    expect(await mark.advance('m', { capturedAt: '2026-06-06T12:00:00.000Z', seq: 1 })).toEqual({
      advanced: false,
    });
    expect(await mark.advance('m', { capturedAt: '2026-06-06T12:00:01.000Z', seq: 0 })).toEqual({
      advanced: true,
    });
  });

  it("hands back the scorecard behind the mark as the next diff's base, after a restart too", async () => {
    const db = open();
    const mark = createSqliteBroadcastWatermark(db);
    const first = scorecard({ capturedAt: '2026-06-06T12:00:00.000Z', seq: 1 });
    const second = scorecard({ capturedAt: '2026-06-06T12:00:20.000Z', seq: 2 });
    expect(await mark.advance('m', first, first)).toEqual({ advanced: true });
    expect(await mark.advance('m', second, second)).toEqual({ advanced: true, previous: first });
    expect(await mark.advance('m', first, first)).toEqual({ advanced: false });
    // The base is stored with the mark: after a restart the next broadcast is still a diff.
    const restarted = createSqliteBroadcastWatermark(reopen(db));
    expect(await restarted.advance('m', first, first)).toEqual({ advanced: false });
    expect(restarted.lastBroadcast('m')).toEqual(second);
    const third = scorecard({ capturedAt: '2026-06-06T12:00:40.000Z', seq: 3 });
    expect(await restarted.advance('m', third, third)).toEqual({ advanced: true, previous: second });
  });

  it('claims work once, and takes over a lease left by an earlier run', async () => {
    const db = open();
    const claims = createSqliteIdempotencyStore(db);
    expect(await claims.begin('job', 60_000)).toBe('started');
    expect(await claims.begin('job', 60_000)).toBe('in-progress');
    expect(await createSqliteIdempotencyStore(db).begin('job', 60_000)).toBe('started');
    await claims.complete('job');
    expect(await claims.begin('job', 60_000)).toBe('completed');
    await claims.release('job');
    expect(await createSqliteIdempotencyStore(reopen(db)).begin('job', 60_000)).toBe('completed');
  });

  it('keeps fixtures with conditional writes, expiring a day after discovery', async () => {
    const clock = createManualClock('2026-06-06T09:00:00Z');
    const inserted: string[] = [];
    const table = createSqliteFixturesTable(open(), {
      clock,
      onInsert: (r) => void inserted.push(r.matchId),
    });
    const fixture = {
      date: '2026-06-06',
      matchId: '6123456',
      teamId: 'firstTeam',
      url: 'https://example.org/m',
    };
    expect(await table.putIfNew(fixture)).toBe(true);
    expect(await table.putIfNew(fixture)).toBe(false);
    await table.assignHost('2026-06-06', '6123456', 'host-1');
    expect(await table.markComplete('2026-06-06', '6123456', '2026-06-06T18:00:00Z')).toMatchObject({
      changed: true,
      record: { status: 'complete', hostId: 'host-1' },
    });
    expect((await table.markComplete('2026-06-06', '6123456', '2026-06-06T18:00:00Z'))?.changed).toBe(false);
    expect(await table.listLive('2026-06-06')).toEqual([]);
    expect(inserted).toEqual(['6123456']);
    clock.advance(25 * 3600_000);
    expect(await table.listDay('2026-06-06')).toEqual([]);
  });

  it('stores a scorecard only when newer, and lists a day by key', async () => {
    const store = createSqliteScorecardStore(open());
    const older = scorecard({ seq: 1 });
    const newer = scorecard({ seq: 2 });
    expect(await store.putIfNewer('scorecards/2026-06-06/firstTeam.json', newer)).toBe('written');
    expect(await store.putIfNewer('scorecards/2026-06-06/firstTeam.json', older)).toBe('stale');
    await store.putIfNewer('scorecards/2026-06-07/firstTeam.json', older);
    expect(await store.listDay('2026-06-06')).toEqual([newer]);
    await expect(store.get('../etc/passwd.json')).rejects.toThrow('not a scorecard key');
  });
});
