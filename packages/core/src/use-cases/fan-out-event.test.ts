import { createMemorySubscriptionStore } from '@live-scores/local';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import type { PushJob, Subscription } from '@live-scores/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import type { PushQueue } from '../ports/push-queue.ts';
import type { SubscriptionStore } from '../ports/subscriptions.ts';
import { eventOf } from '../testing/delivery-fixtures.ts';
import { fanOutEvent } from './fan-out-event.ts';

function recordingQueue(): PushQueue & { jobs: PushJob[]; delays: (number | undefined)[] } {
  const jobs: PushJob[] = [];
  const delays: (number | undefined)[] = [];
  return {
    jobs,
    delays,
    enqueueEvents: async () => undefined,
    enqueueDigestFlush: async () => undefined,
    enqueueJobs: async (batch, options) => {
      jobs.push(...batch);
      delays.push(options?.delayMs);
    },
  };
}

const plain = (s: Subscription): Subscription => ({
  endpoint: s.endpoint,
  keys: s.keys,
  ...(s.preferences ? { preferences: s.preferences } : {}),
});

describe('fanning an event out to push jobs', () => {
  let receiver: PushReceiver;
  beforeAll(async () => {
    receiver = await startPushReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  async function storeWith(...subscriptions: Subscription[]): Promise<SubscriptionStore> {
    const store = createMemorySubscriptionStore();
    for (const s of subscriptions) await store.put(plain(s));
    return store;
  }

  it('selects only subscribers whose preferences want the team and kind, in jobs of the given size', async () => {
    const everything = receiver.createSubscription('/fan/all');
    const firstTeamWickets = {
      ...receiver.createSubscription('/fan/wickets'),
      preferences: { teams: ['firstTeam'], kinds: ['wicket' as const] },
    };
    const secondTeam = {
      ...receiver.createSubscription('/fan/second'),
      preferences: { teams: ['secondTeam'] },
    };
    const resultsOnly = {
      ...receiver.createSubscription('/fan/results'),
      preferences: { kinds: ['result' as const] },
    };
    const store = await storeWith(everything, firstTeamWickets, secondTeam, resultsOnly);
    const queue = recordingQueue();

    const report = await fanOutEvent(
      { subscriptions: store, pushQueue: queue, logger: createMemoryLogger() },
      eventOf('wicket'),
      { jobSize: 1 },
    );

    expect(report).toEqual({ subscribers: 2, jobs: 2 });
    expect(queue.jobs.map((j) => j.subscriptions.map((s) => new URL(s.endpoint).pathname))).toEqual([
      ['/fan/all'],
      ['/fan/wickets'],
    ]);
  });

  it("follows each supporter's mode: a score update reaches `everything` only, a wicket `key-moments` too", async () => {
    const modes = (['everything', 'key-moments', 'results-only'] as const).map((mode) => ({
      ...receiver.createSubscription(`/mode/${mode}`),
      preferences: { mode },
    }));
    const store = await storeWith(receiver.createSubscription('/mode/none'), ...modes);
    const reached = async (kind: Parameters<typeof eventOf>[0]) => {
      const queue = recordingQueue();
      await fanOutEvent(
        { subscriptions: store, pushQueue: queue, logger: createMemoryLogger() },
        eventOf(kind),
      );
      return queue.jobs.flatMap((j) => j.subscriptions.map((s) => new URL(s.endpoint).pathname));
    };
    expect(await reached('overs')).toEqual(['/mode/none', '/mode/everything']);
    expect(await reached('wicket')).toEqual(['/mode/none', '/mode/everything', '/mode/key-moments']);
    expect(await reached('result')).toEqual([
      '/mode/none',
      '/mode/everything',
      '/mode/key-moments',
      '/mode/results-only',
    ]);
  });

  it('splits a large audience into jobs of a few hundred', async () => {
    const store = createMemorySubscriptionStore();
    const template = receiver.createSubscription('/fan/many');
    for (let i = 0; i < 450; i++)
      await store.put({ endpoint: `${template.endpoint}-${i}`, keys: template.keys });
    const queue = recordingQueue();
    await fanOutEvent(
      { subscriptions: store, pushQueue: queue, logger: createMemoryLogger() },
      eventOf('overs'),
      { pageSize: 100 },
    );
    expect(queue.jobs.map((j) => j.subscriptions.length)).toEqual([200, 200, 50]);
    const eventId = eventOf('overs').id;
    expect(queue.jobs.map((j) => j.id)).toEqual([`${eventId}#0`, `${eventId}#1`, `${eventId}#2`]);
  });
});
