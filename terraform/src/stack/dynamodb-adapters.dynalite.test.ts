/**
 * The DynamoDB adapters of packages/aws against a real DynamoDB implementation (dynalite,
 * in memory on 127.0.0.1), in tables created with the key schemas the synthesized stack
 * declares. A key the adapter writes that the table does not have, or a condition DynamoDB
 * would evaluate differently from the command-level mocks, fails here.
 */
import {
  createDynamoDbBroadcastWatermark,
  createDynamoDbConnections,
  createDynamoDbDeliveryClaims,
  createDynamoDbEventLog,
  createDynamoDbFixturesTable,
  createDynamoDbIdempotency,
  createDynamoDbRulesState,
  createDynamoDbSubscriptions,
} from '@live-scores/aws';
import type { RulesState } from '@live-scores/notify';
import { scorecard } from '@live-scores/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDynamo, startLocalDynamo, synthesizedTables } from '../testing/dynalite.ts';
import { synthesizeExample } from '../testing/example-stack.ts';

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo(synthesizedTables(synthesizeExample()));
});
afterAll(async () => {
  await dynamo?.stop();
});

const tableName = (suffix: string) => dynamo.table(suffix).name;

/** Follows a cursor to the end, as the fan-outs do; bounded so a cursor that never ends fails. */
async function allPages<T>(page: (cursor?: string) => Promise<{ items: T[]; cursor?: string }>) {
  const pages: T[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const out = await page(cursor);
    pages.push(out.items);
    cursor = out.cursor;
    if (!cursor) return pages;
  }
  throw new Error('more than 100 pages');
}

describe('the stack tables, as synthesized', () => {
  it('are the four the adapters use, keyed as the adapters write them', () => {
    const keys = Object.fromEntries(
      ['fixtures', 'connections', 'subscriptions', 'rules'].map((t) => {
        const { hashKey, rangeKey } = dynamo.table(t);
        return [t, [hashKey, rangeKey]];
      }),
    );
    expect(keys).toEqual({
      fixtures: ['pk', 'sk'],
      connections: ['connectionId', undefined],
      subscriptions: ['id', undefined],
      rules: ['pk', undefined],
    });
  });
});

describe('the fixtures table on DynamoDB', () => {
  const now = new Date('2025-06-14T10:30:00.000Z');
  const table = () =>
    createDynamoDbFixturesTable({
      client: dynamo.client,
      tableName: tableName('fixtures'),
      clock: { now: () => now },
    });
  const fixture = (matchId: string, teamId = 'firstTeam') => ({
    date: '2025-06-14',
    matchId,
    teamId,
    url: `https://bradfordcl.play-cricket.com/website/results/${matchId}`,
  });

  it('records a fixture once: a second put of the same day and match is refused by the condition', async () => {
    expect(await table().putIfNew(fixture('6100001'))).toBe(true);
    expect(await table().putIfNew({ ...fixture('6100001'), teamId: 'secondTeam' })).toBe(false);
    expect(await table().get('2025-06-14', '6100001')).toMatchObject({
      teamId: 'firstTeam',
      status: 'live',
      hostId: null,
    });
  });

  it('claims a host for a fixture that exists, and refuses one for a fixture that does not', async () => {
    await table().putIfNew(fixture('6100002'));
    await table().assignHost('2025-06-14', '6100002', 'i-0abc');
    expect((await table().get('2025-06-14', '6100002'))?.hostId).toBe('i-0abc');
    await expect(table().assignHost('2025-06-14', '6199999', 'i-0abc')).rejects.toThrow();
    expect(await table().get('2025-06-14', '6199999')).toBeUndefined();
  });

  it('completes a match once: the duplicate completion reports unchanged and keeps the first time', async () => {
    await table().putIfNew(fixture('6100003'));
    const first = await table().markComplete('2025-06-14', '6100003', '2025-06-14T17:00:00.000Z');
    const again = await table().markComplete('2025-06-14', '6100003', '2025-06-14T18:00:00.000Z');
    expect(first).toMatchObject({
      changed: true,
      record: { status: 'complete', completedAt: '2025-06-14T17:00:00.000Z' },
    });
    expect(again).toMatchObject({ changed: false, record: { completedAt: '2025-06-14T17:00:00.000Z' } });
    expect(await table().markComplete('2025-06-14', '6199998', '2025-06-14T17:00:00.000Z')).toBeUndefined();
  });

  it("lists only a day's live matches", async () => {
    await table().putIfNew({ ...fixture('6100004'), date: '2025-06-15' });
    const live = (await table().listLive('2025-06-14')).map((f) => f.matchId);
    expect(live).toEqual(expect.arrayContaining(['6100001', '6100002']));
    expect(live).not.toContain('6100003');
    expect(live).not.toContain('6100004');
  });
});

describe('the rules state on DynamoDB (version checks)', () => {
  const store = () => createDynamoDbRulesState({ client: dynamo.client, tableName: tableName('rules') });
  const state = (seq: number): RulesState => ({
    version: 1,
    matchId: '6123456',
    last: { capturedAt: '2025-06-14T13:00:00.000Z', seq },
    innings: [],
    resultSent: false,
  });

  it('saves version 1 only if there is none, then each version only over the one it read', async () => {
    expect(await store().load('6123456')).toBeNull();
    expect(await store().save('6123456', state(1), 0)).toBe('saved');
    expect(await store().save('6123456', state(2), 0)).toBe('conflict');
    expect(await store().save('6123456', state(2), 1)).toBe('saved');
    // A writer that read version 1 lost the race: its write changes nothing.
    expect(await store().save('6123456', state(99), 1)).toBe('conflict');
    expect(await store().load('6123456')).toEqual({ state: state(2), version: 2 });
  });
});

describe('the event log, idempotency claims, push job claims and broadcast watermark on DynamoDB', () => {
  let clock = Date.parse('2025-06-14T13:05:00.000Z');
  const options = () => ({ client: dynamo.client, tableName: tableName('rules'), now: () => clock });

  it('records an event id once, and again only after it was released', async () => {
    const log = createDynamoDbEventLog(options());
    expect(await log.recordOnce('6123456:1:wicket:1')).toBe(true);
    expect(await log.recordOnce('6123456:1:wicket:1')).toBe(false);
    await log.release(['6123456:1:wicket:1']);
    expect(await log.recordOnce('6123456:1:wicket:1')).toBe(true);
  });

  it('claims a key once while its lease runs, again once the lease ran out, and never after completion', async () => {
    const claims = createDynamoDbIdempotency(options());
    expect(await claims.begin('job:e1#0@0', 150_000)).toBe('started');
    expect(await claims.begin('job:e1#0@0', 150_000)).not.toBe('started');
    clock += 150_001;
    expect(await claims.begin('job:e1#0@0', 150_000)).toBe('started');
    await claims.complete('job:e1#0@0');
    clock += 10 * 150_000;
    expect(await claims.begin('job:e1#0@0', 150_000)).not.toBe('started');
    // Releasing a completed key leaves it completed.
    await claims.release('job:e1#0@0');
    expect(await claims.begin('job:e1#0@0', 150_000)).not.toBe('started');
  });

  it('gives a released claim back, so the retry starts at once', async () => {
    const claims = createDynamoDbIdempotency(options());
    expect(await claims.begin('fanout:e2', 150_000)).toBe('started');
    await claims.release('fanout:e2');
    expect(await claims.begin('fanout:e2', 150_000)).toBe('started');
  });

  it('claims each subscription of a push job once, however the claims overlap or race', async () => {
    const claims = createDynamoDbDeliveryClaims(options());
    const endpoint = (n: number) => `https://fcm.googleapis.com/fcm/send/${n}`;
    const range = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => endpoint(from + i));
    expect(await claims.claim('e1#0@0', range(0, 3))).toEqual(new Set(range(0, 3)));
    expect(await claims.claim('e1#0@0', range(2, 5))).toEqual(new Set(range(3, 5)));
    expect(await claims.claim('e1#0@1', range(0, 1))).toEqual(new Set(range(0, 1)));
    const [a, b] = await Promise.all([
      claims.claim('e1#1@0', range(0, 150)),
      claims.claim('e1#1@0', range(50, 200)),
    ]);
    expect(a.size + b.size).toBe(200);
    expect([...a].filter((e) => b.has(e))).toEqual([]);
  });

  it('moves the broadcast mark forwards only', async () => {
    const mark = createDynamoDbBroadcastWatermark(options());
    const at = (capturedAt: string, seq: number) => mark.advance('6123456', { capturedAt, seq });
    expect(await at('2025-06-14T13:04:40.000Z', 304)).toEqual({ advanced: true });
    expect(await at('2025-06-14T13:04:40.000Z', 303)).toEqual({ advanced: false });
    expect(await at('2025-06-14T13:03:00.000Z', 400)).toEqual({ advanced: false });
    expect(await at('2025-06-14T13:04:40.000Z', 304)).toEqual({ advanced: true });
    expect(await at('2025-06-14T13:05:10.000Z', 1)).toEqual({ advanced: true });
  });

  it('hands back the scorecard the mark held, from the same conditional write', async () => {
    const mark = createDynamoDbBroadcastWatermark(options());
    const first = { ...scorecard(), matchId: '6999999', capturedAt: '2025-06-14T13:00:00.000Z', seq: 1 };
    const second = { ...first, capturedAt: '2025-06-14T13:00:20.000Z', seq: 2 };
    expect(await mark.advance('6999999', first, first)).toEqual({ advanced: true });
    expect(await mark.advance('6999999', second, second)).toEqual({ advanced: true, previous: first });
    expect(await mark.advance('6999999', first, first)).toEqual({ advanced: false });
  });
});

describe('connections and subscriptions on DynamoDB (pagination past one page)', () => {
  it('lists every connection exactly once across pages of ten', async () => {
    const connections = createDynamoDbConnections({
      client: dynamo.client,
      tableName: tableName('connections'),
    });
    const ids = Array.from({ length: 25 }, (_, i) => `conn-${String(i).padStart(2, '0')}=`);
    for (const connectionId of ids)
      await connections.add({ connectionId, connectedAt: '2025-06-14T13:00:00.000Z' });
    await connections.remove('conn-07=');

    const pages = await allPages(async (cursor) => {
      const page = await connections.listPage(cursor, 10);
      return {
        items: page.connections.map((c) => c.connectionId),
        ...(page.cursor ? { cursor: page.cursor } : {}),
      };
    });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.every((p) => p.length <= 10)).toBe(true);
    expect(pages.flat().sort()).toEqual(ids.filter((id) => id !== 'conn-07=').sort());
  });

  it('finds every subscriber of a team across filtered pages of four', async () => {
    const subscriptions = createDynamoDbSubscriptions({
      client: dynamo.client,
      tableName: tableName('subscriptions'),
    });
    const keys = {
      p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'),
      auth: Buffer.alloc(16, 2).toString('base64url'),
    };
    const endpoint = (i: number) => `https://fcm.googleapis.com/fcm/send/device-${i}`;
    for (let i = 0; i < 30; i++) {
      const teams = i % 3 === 0 ? undefined : i % 3 === 1 ? ['firstTeam'] : ['secondTeam'];
      expect(
        await subscriptions.put({
          endpoint: endpoint(i),
          keys,
          ...(teams ? { preferences: { teams } } : {}),
        }),
      ).toEqual({
        created: true,
      });
    }
    expect(await subscriptions.put({ endpoint: endpoint(0), keys })).toEqual({ created: false });
    expect(await subscriptions.updatePreferences(endpoint(999), { teams: ['firstTeam'] })).toBe(false);
    expect(await subscriptions.updatePreferences(endpoint(2), { teams: ['firstTeam'] })).toBe(true);
    await subscriptions.delete(endpoint(4));

    const pages = await allPages(async (cursor) => {
      const page = await subscriptions.listPageForTeam('firstTeam', cursor, 4);
      return {
        items: page.subscriptions.map((s) => s.endpoint),
        ...(page.cursor ? { cursor: page.cursor } : {}),
      };
    });
    expect(pages.length).toBeGreaterThan(1);
    // Everyone without a team filter (i % 3 == 0), firstTeam followers (i % 3 == 1, less the
    // deleted 4), and 2, which moved to firstTeam.
    const expected = Array.from({ length: 30 }, (_, i) => i)
      .filter((i) => (i % 3 !== 2 || i === 2) && i !== 4)
      .map(endpoint);
    expect(pages.flat().sort()).toEqual(expected.sort());
  });
});
