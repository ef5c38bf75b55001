import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileEventLog, createMemoryEventLog } from './event-log.ts';
import { createFileRulesStateStore } from './rules-state-store.ts';
import { createFileSubscriptionStore } from './subscription-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'local-stores-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keys = {
  p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'),
  auth: Buffer.alloc(16, 2).toString('base64url'),
};
const sub = (n: number, teams?: string[]) => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/${n}`,
  keys,
  ...(teams ? { preferences: { teams } } : {}),
});

describe('the file subscription store', () => {
  it('creates, replaces, updates and deletes by endpoint, and survives a restart', async () => {
    const path = join(dir, 'subscriptions.json');
    const store = createFileSubscriptionStore(path);
    expect(await store.put(sub(1))).toEqual({ created: true });
    expect(await store.put(sub(1, ['firstTeam']))).toEqual({ created: false });
    await store.put(sub(2, ['secondTeam']));
    expect(await store.updatePreferences(sub(2).endpoint, { kinds: ['result'] })).toBe(true);
    expect(await store.updatePreferences('https://fcm.googleapis.com/none', {})).toBe(false);
    await store.delete(sub(3).endpoint);

    const reopened = createFileSubscriptionStore(path);
    expect((await reopened.listPage()).subscriptions).toEqual([
      sub(1, ['firstTeam']),
      { ...sub(2), preferences: { kinds: ['result'] } },
    ]);
  });

  it('pages through a team, including subscribers with no team preference', async () => {
    const store = createFileSubscriptionStore(join(dir, 'paged.json'));
    for (let i = 0; i < 5; i++) await store.put(sub(i, i % 2 ? ['secondTeam'] : undefined));
    const first = await store.listPageForTeam('firstTeam', undefined, 2);
    const second = await store.listPageForTeam('firstTeam', first.cursor, 2);
    expect([...first.subscriptions, ...second.subscriptions].map((s) => s.endpoint.at(-1))).toEqual([
      '0',
      '2',
      '4',
    ]);
    expect(second.cursor).toBeUndefined();
  });
});

describe('the file rules-state store', () => {
  const state = {
    version: 1 as const,
    matchId: '6123456',
    last: { capturedAt: '2025-06-14T13:00:00Z', seq: 1 },
    innings: [],
    resultSent: false,
  };

  it('saves version after version and refuses a save against a stale version', async () => {
    const store = createFileRulesStateStore(join(dir, 'rules.json'));
    expect(await store.save('6123456', state, 0)).toBe('saved');
    expect(await store.save('6123456', state, 0)).toBe('conflict');
    expect(await store.save('6123456', { ...state, resultSent: true }, 1)).toBe('saved');
    expect(await createFileRulesStateStore(join(dir, 'rules.json')).load('6123456')).toEqual({
      state: { ...state, resultSent: true },
      version: 2,
    });
  });
});

describe('the event log', () => {
  it('records an id once, across a restart of the file version', async () => {
    const log = createFileEventLog(join(dir, 'events.json'));
    expect(await log.recordOnce('6123456:1:wicket:1')).toBe(true);
    expect(await log.recordOnce('6123456:1:wicket:1')).toBe(false);
    expect(await createFileEventLog(join(dir, 'events.json')).recordOnce('6123456:1:wicket:1')).toBe(false);
  });

  it('gives a released id back, and forgets ids past their retention', async () => {
    let t = 0;
    const log = createMemoryEventLog({ retainMs: 1000, now: () => t });
    await log.recordOnce('a');
    await log.release(['a']);
    expect(await log.recordOnce('a')).toBe(true);
    t = 5000;
    await log.recordOnce('b');
    expect(await log.recordOnce('a')).toBe(true);
  });
});
