/**
 * The digest windows' DynamoDB adapter against dynalite (a real DynamoDB implementation, in
 * memory on 127.0.0.1), in the rules table as the synthesized stack declares it: the
 * conditions that keep each event in exactly one window are evaluated as DynamoDB would.
 */
import { createDynamoDbDigestBuffer } from '@live-scores/aws';
import { digestWindowId } from '@live-scores/core';
import type { NotificationEvent } from '@live-scores/schema';
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

const T0 = Date.parse('2026-06-13T13:00:00.000Z');
const AT = { now: T0, windowMs: 90_000, endsMatch: false };
const buffer = () =>
  createDynamoDbDigestBuffer({ client: dynamo.client, tableName: dynamo.table('rules').name });

function event(matchId: string, n: number, kind: NotificationEvent['kind'] = 'wicket'): NotificationEvent {
  return {
    id: `${matchId}:1:${kind}:${n}`,
    matchId,
    teamId: 'firstTeam',
    kind,
    title: '1st XI · Wicket',
    body: `WICKET: batter ${n} b J Thurwell ${n}`,
    createdAt: new Date(T0 + n * 1000).toISOString(),
  };
}

describe('digest windows in the rules table on DynamoDB', () => {
  it('opens a window with the first event, lets the next join it, and closes it once with its events', async () => {
    const digests = buffer();
    const window = digestWindowId(event('7100001', 1));
    expect(await digests.append(event('7100001', 1), AT)).toEqual({
      kind: 'appended',
      window,
      opened: true,
      dueAt: T0 + 90_000,
      size: 1,
      matchEnded: false,
    });
    expect(await digests.append(event('7100001', 2), { ...AT, now: T0 + 30_000 })).toEqual({
      kind: 'appended',
      window,
      opened: false,
      dueAt: T0 + 90_000,
      size: 2,
      matchEnded: false,
    });
    expect(await digests.close('7100001', window)).toEqual([event('7100001', 1), event('7100001', 2)]);
    expect(await digests.close('7100001', window)).toEqual([event('7100001', 1), event('7100001', 2)]);
    expect(await digests.close('7100001', 'digest:never-opened')).toEqual([]);
    expect(await digests.append(event('7100001', 3), { ...AT, now: T0 + 100_000 })).toMatchObject({
      window: digestWindowId(event('7100001', 3)),
      opened: true,
      dueAt: T0 + 190_000,
    });
  });

  it('never appends a redelivered event twice, before or after its window closed', async () => {
    const digests = buffer();
    const window = digestWindowId(event('7100002', 1));
    await digests.append(event('7100002', 1), AT);
    await digests.append(event('7100002', 2), AT);
    expect(await digests.append(event('7100002', 2), AT)).toEqual({
      kind: 'duplicate',
      window,
      opened: false,
      dueAt: T0 + 90_000,
      matchEnded: false,
    });
    await digests.close('7100002', window);
    expect(await digests.append(event('7100002', 1), AT)).toMatchObject({
      kind: 'duplicate',
      window,
      opened: true,
    });
    expect(await digests.close('7100002', window)).toHaveLength(2);
  });

  it('tells later appends that the match has ended once a result is in', async () => {
    const digests = buffer();
    await digests.append(event('7100003', 1), AT);
    expect(await digests.append(event('7100003', 2, 'result'), { ...AT, endsMatch: true })).toMatchObject({
      matchEnded: true,
    });
    await digests.close('7100003', digestWindowId(event('7100003', 1)));
    expect(await digests.append(event('7100003', 3), AT)).toMatchObject({ opened: true, matchEnded: true });
  });

  it('puts every event of a burst racing a close, from separate writers, in exactly one window', async () => {
    const first = digestWindowId(event('7100004', 0));
    await buffer().append(event('7100004', 0), AT);
    const burst = Array.from({ length: 12 }, (_, i) => event('7100004', i + 1));
    const [appends, closed] = await Promise.all([
      Promise.all(burst.map((e) => buffer().append(e, AT))),
      buffer().close('7100004', first),
    ]);
    expect(appends.every((a) => a.kind === 'appended')).toBe(true);
    const later = [...new Set(appends.map((a) => a.window))].filter((w) => w !== first);
    expect(later.length).toBeLessThanOrEqual(1);
    const rest = (await Promise.all(later.map((w) => buffer().close('7100004', w)))).flat();
    expect([...closed, ...rest].map((e) => e.id).sort()).toEqual(
      [event('7100004', 0), ...burst].map((e) => e.id).sort(),
    );
  });
});
