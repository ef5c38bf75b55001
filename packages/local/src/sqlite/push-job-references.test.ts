import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '@live-scores/core';
import type { DigestFlush, NotificationEvent, PushJob } from '@live-scores/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalDatabase, type LocalDatabase } from './database.ts';
import { pushQueueCodec } from './push-job-references.ts';
import { createSqliteSubscriptionStore } from './sqlite-subscriptions.ts';

let dir: string;
let db: LocalDatabase;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'push-codec-'));
  db = openLocalDatabase(dir, { logger: createMemoryLogger() });
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const event = (n: number): NotificationEvent => ({
  id: `6123456:1:wicket:${n}`,
  matchId: '6123456',
  teamId: 'firstTeam',
  kind: 'wicket',
  title: '1st XI · Wicket',
  body: `WICKET: batter ${n}`,
  createdAt: '2026-06-13T13:00:00.000Z',
});
const phone = {
  endpoint: 'https://push.example/phone',
  keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) },
  preferences: { mode: 'key-moments' as const },
};

describe('push messages as the local queue stores them', () => {
  it("keeps a digest job's events, and its subscriptions by reference", async () => {
    const subscriptions = createSqliteSubscriptionStore(db);
    await subscriptions.put(phone);
    const codec = pushQueueCodec(subscriptions);
    const job: PushJob = {
      type: 'send-push',
      id: 'digest:6123456:1:wicket:1#0',
      event: event(1),
      digest: [event(1), event(2)],
      subscriptions: [phone],
      attempt: 0,
    };
    const stored = JSON.parse(JSON.stringify(codec.encode(job))) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('subscriptions');
    expect(codec.decode(stored)).toEqual(job);
  });

  it('stores a digest flush as it is', () => {
    const codec = pushQueueCodec(createSqliteSubscriptionStore(db));
    const flush: DigestFlush = {
      type: 'flush-digest',
      matchId: '6123456',
      teamId: 'firstTeam',
      window: 'digest:6123456:1:wicket:1',
    };
    expect(codec.decode(JSON.parse(JSON.stringify(codec.encode(flush))))).toEqual(flush);
  });
});
