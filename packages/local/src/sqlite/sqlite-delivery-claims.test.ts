import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '@live-scores/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryDeliveryClaims } from '../delivery-claims.ts';
import { openLocalDatabase, type LocalDatabase } from './database.ts';
import { createSqliteDeliveryClaims } from './sqlite-delivery-claims.ts';

let dir: string;
let db: LocalDatabase;
const open = (): LocalDatabase => openLocalDatabase(dir, { logger: createMemoryLogger() });
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'delivery-claims-'));
  db = open();
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const endpoints = (from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => `https://fcm.googleapis.com/fcm/send/${from + i}`);
const rows = (): { key: string; bytes: number }[] =>
  db.sql
    .prepare('SELECT delivery_key AS key, length(claimed) AS bytes FROM delivery_claims ORDER BY key')
    .all() as { key: string; bytes: number }[];

describe.each([
  ['in SQLite', () => createSqliteDeliveryClaims(db)],
  ['in memory', () => createMemoryDeliveryClaims()],
])('delivery claims %s', (_, create) => {
  it('claims each subscription of a job once: a second claim answers only those not claimed before', async () => {
    const claims = create();
    expect(await claims.claim('e1#0@0', endpoints(0, 3))).toEqual(new Set(endpoints(0, 3)));
    expect(await claims.claim('e1#0@0', endpoints(1, 5))).toEqual(new Set(endpoints(3, 5)));
    expect(await claims.claim('e1#0@0', endpoints(0, 5))).toEqual(new Set());
  });

  it('keeps each job (and each attempt of it) apart', async () => {
    const claims = create();
    await claims.claim('e1#0@0', endpoints(0, 2));
    expect(await claims.claim('e1#1@0', endpoints(0, 2))).toEqual(new Set(endpoints(0, 2)));
    expect(await claims.claim('e1#0@1', endpoints(0, 2))).toEqual(new Set(endpoints(0, 2)));
  });

  it('answers the same for two claims racing: each subscription goes to exactly one', async () => {
    const claims = create();
    const [a, b] = await Promise.all([
      claims.claim('e1#0@0', endpoints(0, 6)),
      claims.claim('e1#0@0', endpoints(3, 9)),
    ]);
    expect([...a, ...b].sort()).toEqual(endpoints(0, 9).sort());
    expect([...a].filter((e) => b.has(e))).toEqual([]);
  });
});

describe('delivery claims in SQLite', () => {
  it('survive the process: a job redelivered after a restart finds its claims', async () => {
    await createSqliteDeliveryClaims(db).claim('e1#0@0', endpoints(0, 200));
    db.close();
    db = open();
    expect(await createSqliteDeliveryClaims(db).claim('e1#0@0', endpoints(0, 201))).toEqual(
      new Set(endpoints(200, 201)),
    );
  });

  it('cost one small row per job: 12 bytes per subscription, not its endpoint', async () => {
    const claims = createSqliteDeliveryClaims(db);
    await claims.claim('e1#0@0', endpoints(0, 200));
    await claims.claim('e1#1@0', endpoints(200, 300));
    expect(rows()).toEqual([
      { key: 'e1#0@0', bytes: 200 * 12 },
      { key: 'e1#1@0', bytes: 100 * 12 },
    ]);
  });

  it('are forgotten after the retention, as the event log forgets its ids', async () => {
    let now = 1_000_000;
    const claims = createSqliteDeliveryClaims(db, { retainMs: 1000, now: () => now });
    await claims.claim('e1#0@0', endpoints(0, 2));
    now += 1001;
    await claims.claim('e2#0@0', endpoints(0, 2));
    expect(rows().map((r) => r.key)).toEqual(['e2#0@0']);
  });
});
