import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger, digestWindowId } from '@live-scores/core';
import type { NotificationEvent } from '@live-scores/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalDatabase, type LocalDatabase } from './database.ts';
import { createSqliteDigestBuffer } from './sqlite-digest-buffer.ts';

let dir: string;
const opened: LocalDatabase[] = [];
const open = (): LocalDatabase => {
  const db = openLocalDatabase(dir, { logger: createMemoryLogger() });
  opened.push(db);
  return db;
};
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'digest-buffer-'));
});
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await rm(dir, { recursive: true, force: true });
});

const T0 = Date.parse('2026-06-13T13:00:00.000Z');
const WINDOW = { windowMs: 90_000, endsMatch: false };

function event(n: number, matchId = '6123456'): NotificationEvent {
  return {
    id: `${matchId}:1:wicket:${n}`,
    matchId,
    teamId: 'firstTeam',
    kind: 'wicket',
    title: '1st XI · Wicket',
    body: `WICKET: batter ${n} b J Thurwell ${n}`,
    createdAt: new Date(T0 + n * 1000).toISOString(),
  };
}

describe('SQLite digest windows', () => {
  it('opens a window with the first event, due a window later, and lets the next events join it', async () => {
    const digests = createSqliteDigestBuffer(open());
    expect(await digests.append(event(1), { now: T0, ...WINDOW })).toEqual({
      kind: 'appended',
      window: digestWindowId(event(1)),
      opened: true,
      dueAt: T0 + 90_000,
      size: 1,
      matchEnded: false,
    });
    expect(await digests.append(event(2), { now: T0 + 30_000, ...WINDOW })).toEqual({
      kind: 'appended',
      window: digestWindowId(event(1)),
      opened: false,
      dueAt: T0 + 90_000,
      size: 2,
      matchEnded: false,
    });
    expect(await digests.close('6123456', digestWindowId(event(1)))).toEqual([event(1), event(2)]);
  });

  it('keeps each match to its own window', async () => {
    const digests = createSqliteDigestBuffer(open());
    await digests.append(event(1, '111'), { now: T0, ...WINDOW });
    const other = await digests.append(event(1, '222'), { now: T0, ...WINDOW });
    expect(other).toMatchObject({ opened: true, window: digestWindowId(event(1, '222')) });
    expect(await digests.close('111', digestWindowId(event(1, '111')))).toEqual([event(1, '111')]);
  });

  it('returns the same events when a window is closed again, and opens the next window for what comes after', async () => {
    const digests = createSqliteDigestBuffer(open());
    const first = digestWindowId(event(1));
    await digests.append(event(1), { now: T0, ...WINDOW });
    expect(await digests.close('6123456', first)).toEqual([event(1)]);
    expect(await digests.append(event(2), { now: T0 + 100_000, ...WINDOW })).toMatchObject({
      kind: 'appended',
      window: digestWindowId(event(2)),
      opened: true,
      dueAt: T0 + 190_000,
    });
    expect(await digests.close('6123456', first)).toEqual([event(1)]);
    expect(await digests.close('6123456', 'digest:never-opened')).toEqual([]);
  });

  it('never appends a redelivered event twice, before or after its window closed', async () => {
    const digests = createSqliteDigestBuffer(open());
    const window = digestWindowId(event(1));
    await digests.append(event(1), { now: T0, ...WINDOW });
    await digests.append(event(2), { now: T0 + 1000, ...WINDOW });
    expect(await digests.append(event(2), { now: T0 + 2000, ...WINDOW })).toEqual({
      kind: 'duplicate',
      window,
      opened: false,
      dueAt: T0 + 90_000,
      matchEnded: false,
    });
    await digests.close('6123456', window);
    expect(await digests.append(event(1), { now: T0 + 200_000, ...WINDOW })).toEqual({
      kind: 'duplicate',
      window,
      opened: true,
      dueAt: T0 + 90_000,
      matchEnded: false,
    });
    expect(await digests.close('6123456', window)).toEqual([event(1), event(2)]);
  });

  it('puts every event of a burst racing a close in exactly one window', async () => {
    const digests = createSqliteDigestBuffer(open());
    const first = digestWindowId(event(0));
    await digests.append(event(0), { now: T0, ...WINDOW });
    const burst = Array.from({ length: 40 }, (_, i) => event(i + 1));
    const [appends, closed] = await Promise.all([
      Promise.all(burst.map((e) => digests.append(e, { now: T0 + 1000, ...WINDOW }))),
      digests.close('6123456', first),
    ]);
    const later = [...new Set(appends.map((a) => a.window))].filter((w) => w !== first);
    const rest = (await Promise.all(later.map((w) => digests.close('6123456', w)))).flat();
    const ids = [...closed, ...rest].map((e) => e.id).sort();
    expect(ids).toEqual([event(0), ...burst].map((e) => e.id).sort());
    expect(later.length).toBeLessThanOrEqual(1);
  });

  it('tells every later append, in any window, that the match has ended', async () => {
    const digests = createSqliteDigestBuffer(open());
    await digests.append(event(1), { now: T0, ...WINDOW });
    expect(await digests.append(event(2), { now: T0, ...WINDOW, endsMatch: true })).toMatchObject({
      matchEnded: true,
    });
    await digests.close('6123456', digestWindowId(event(1)));
    expect(await digests.append(event(3), { now: T0, ...WINDOW })).toMatchObject({
      opened: true,
      matchEnded: true,
    });
    expect(await digests.append(event(1, '999'), { now: T0, ...WINDOW })).toMatchObject({
      matchEnded: false,
    });
  });

  it('keeps open windows and their events across a restart', async () => {
    const db = open();
    const window = digestWindowId(event(1));
    await createSqliteDigestBuffer(db).append(event(1), { now: T0, ...WINDOW });
    await createSqliteDigestBuffer(db).append(event(2), { now: T0, ...WINDOW });
    db.close();
    opened.splice(opened.indexOf(db), 1);

    const digests = createSqliteDigestBuffer(open());
    expect(await digests.append(event(3), { now: T0 + 5000, ...WINDOW })).toMatchObject({
      window,
      opened: false,
      size: 3,
    });
    expect(await digests.close('6123456', window)).toEqual([event(1), event(2), event(3)]);
  });

  it('prunes windows that were due longer before the window being closed than it keeps them', async () => {
    const digests = createSqliteDigestBuffer(open(), { retainMs: 60_000 });
    await digests.append(event(1), { now: T0, ...WINDOW });
    await digests.close('6123456', digestWindowId(event(1)));
    await digests.append(event(2), { now: T0 + 59_999, ...WINDOW });
    await digests.close('6123456', digestWindowId(event(2)));
    expect(await digests.close('6123456', digestWindowId(event(1)))).toEqual([event(1)]);
    await digests.append(event(3), { now: T0 + 60_000, ...WINDOW });
    await digests.close('6123456', digestWindowId(event(3)));
    expect(await digests.close('6123456', digestWindowId(event(1)))).toEqual([]);
    expect(await digests.close('6123456', digestWindowId(event(3)))).toEqual([event(3)]);
  });
});
