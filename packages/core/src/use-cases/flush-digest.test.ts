import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createManualClock,
  createMemoryIdempotencyStore,
  createMemorySubscriptionStore,
  createSqliteDeliveryClaims,
  createSqliteDigestBuffer,
  openLocalDatabase,
  type LocalDatabase,
} from '@live-scores/local';
import type {
  DigestFlush,
  PushJob,
  PushPayload,
  PushQueueMessage,
  Subscription,
  SubscriptionMode,
} from '@live-scores/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import { digestWindowId } from '../ports/digest-buffer.ts';
import type { PushQueue } from '../ports/push-queue.ts';
import { useLoopbackPush } from '../testing/loopback-push.ts';
import { eventOf } from '../testing/delivery-fixtures.ts';
import { pushJobId } from './fan-out-event.ts';
import { handlePushMessage } from './handle-push-message.ts';

const WINDOW_MS = 90_000;
const settings = { pageUrl: '/', ttlSeconds: { score: 1800, result: 86_400 }, digestMs: WINDOW_MS };

const wicket = (n: number) =>
  eventOf('wicket', {
    id: `6123456:1:wicket:${n}`,
    title: '1st XI · Wicket',
    body: `WICKET: Batter ${n} b J Thurwell ${n}`,
  });
const overs = eventOf('overs', {
  id: '6123456:1:overs:10',
  title: '1st XI · 10 overs',
  body: 'Scholes 45/5 (10 ov)',
});
const result = eventOf('result', {
  id: '6123456:result',
  title: '1st XI · Result',
  body: 'Cleckheaton WON BY 8 WICKETS',
});

/** A push queue that keeps what it is given, for the test to deliver (or redeliver) by hand. */
function recordingQueue(): PushQueue & {
  jobs: PushJob[];
  flushes: { flush: DigestFlush; delayMs: number }[];
} {
  const jobs: PushJob[] = [];
  const flushes: { flush: DigestFlush; delayMs: number }[] = [];
  return {
    jobs,
    flushes,
    enqueueEvents: async () => undefined,
    enqueueJobs: async (batch) => void jobs.push(...batch),
    enqueueDigestFlush: async (flush, { delayMs }) => void flushes.push({ flush, delayMs }),
  };
}

describe('the push digest: one push per supporter for a match window, each event in exactly one', () => {
  const loopback = useLoopbackPush();
  let dir: string;
  let db: LocalDatabase;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'flush-digest-'));
    db = openLocalDatabase(dir, { logger: createMemoryLogger() });
  });
  afterEach(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const pushesTo = (s: Subscription): PushPayload[] =>
    loopback.receiver.received
      .filter((r) => r.path === new URL(s.endpoint).pathname)
      .map((r) => r.payload as PushPayload);

  /** One phone per mode, a queue to deliver by hand, and the deps over a real digest buffer. */
  async function setup(prefix: string) {
    const subscriptions = createMemorySubscriptionStore();
    const modes: SubscriptionMode[] = ['everything', 'key-moments', 'results-only'];
    const phones = {} as Record<SubscriptionMode, Subscription>;
    for (const mode of modes) {
      const { endpoint, keys } = loopback.receiver.createSubscription(`/${prefix}/${mode}`);
      phones[mode] = { endpoint, keys, preferences: { mode } };
      await subscriptions.put(phones[mode]);
    }
    const queue = recordingQueue();
    const clock = createManualClock('2025-06-14T13:00:20.000Z');
    const deps = {
      sender: loopback.sender,
      subscriptions,
      pushQueue: queue,
      idempotency: createMemoryIdempotencyStore(),
      digests: createSqliteDigestBuffer(db),
      claims: createSqliteDeliveryClaims(db),
      clock,
      logger: createMemoryLogger(),
    };
    const deliver = (message: PushQueueMessage) => handlePushMessage(deps, message, settings);
    /** Every job queued so far, sent once each. */
    const sendJobs = async () => {
      for (const job of queue.jobs.splice(0)) await deliver(job);
    };
    return { phones, queue, clock, deps, deliver, sendJobs };
  }

  it('holds a window until its flush, then sends each supporter one push of the events their mode wants', async () => {
    const { phones, queue, clock, deliver, sendJobs } = await setup('window');
    expect(await deliver({ type: 'event', event: wicket(1) })).toMatchObject({
      kind: 'buffered',
      opened: true,
    });
    clock.advance(20_000);
    expect(await deliver({ type: 'event', event: overs })).toMatchObject({ kind: 'buffered', opened: false });
    clock.advance(20_000);
    await deliver({ type: 'event', event: wicket(2) });

    expect(queue.jobs).toEqual([]);
    expect(queue.flushes).toEqual([
      {
        flush: {
          type: 'flush-digest',
          matchId: '6123456',
          teamId: 'firstTeam',
          window: digestWindowId(wicket(1)),
        },
        delayMs: WINDOW_MS,
      },
    ]);

    const flushed = await deliver(queue.flushes[0]!.flush);
    expect(flushed).toMatchObject({ kind: 'flushed', events: 3, subscribers: 2, jobs: 1 });
    expect(queue.jobs.map((j) => j.id)).toEqual([pushJobId(digestWindowId(wicket(1)), 0)]);
    await sendJobs();

    expect(pushesTo(phones.everything)).toEqual([
      expect.objectContaining({
        title: '1st XI · 2 wickets',
        body: '2 wickets: Batter 1 b J Thurwell 1, Batter 2 b J Thurwell 2. Scholes 45/5 (10 ov)',
        kind: 'wicket',
      }),
    ]);
    expect(pushesTo(phones['key-moments'])).toEqual([
      expect.objectContaining({
        title: '1st XI · 2 wickets',
        body: '2 wickets: Batter 1 b J Thurwell 1, Batter 2 b J Thurwell 2',
      }),
    ]);
    expect(pushesTo(phones['results-only'])).toEqual([]);
  });

  it('never delays a result: it flushes its window at once, with what waited', async () => {
    const { phones, queue, clock, deliver, sendJobs } = await setup('result');
    await deliver({ type: 'event', event: overs });
    clock.advance(10_000);
    expect(await deliver({ type: 'event', event: result })).toMatchObject({
      kind: 'flushed',
      window: digestWindowId(overs),
      events: 2,
      subscribers: 3,
    });
    await sendJobs();
    expect(pushesTo(phones.everything)).toEqual([
      expect.objectContaining({ kind: 'result', body: 'Scholes 45/5 (10 ov). Cleckheaton WON BY 8 WICKETS' }),
    ]);
    expect(pushesTo(phones['results-only'])).toEqual([
      expect.objectContaining({ title: '1st XI · Result', body: 'Cleckheaton WON BY 8 WICKETS' }),
    ]);

    // The window's delayed flush arrives later and finds it flushed: no second push.
    expect(await deliver(queue.flushes[0]!.flush)).toMatchObject({ kind: 'flushed', events: 0 });
    await sendJobs();
    expect(pushesTo(phones.everything)).toHaveLength(1);
  });

  it('sends an event told after the result at once: the match is over, nothing will join it', async () => {
    const { phones, queue, deliver, sendJobs } = await setup('after-result');
    await deliver({ type: 'event', event: result });
    const late = eventOf('innings-end', { id: '6123456:2:innings-end', title: '1st XI · Innings end' });
    expect(await deliver({ type: 'event', event: late })).toMatchObject({ kind: 'flushed', events: 1 });
    await sendJobs();
    expect(queue.flushes).toEqual([]);
    expect(pushesTo(phones.everything).map((p) => p.kind)).toEqual(['result', 'innings-end']);
  });

  it('sends a lone event in its window as the plain event push', async () => {
    const { phones, queue, deliver, sendJobs } = await setup('lone');
    await deliver({ type: 'event', event: wicket(1) });
    await deliver(queue.flushes[0]!.flush);
    expect(queue.jobs.map((j) => [j.id, j.digest])).toEqual([[pushJobId(wicket(1).id, 0), undefined]]);
    await sendJobs();
    expect(pushesTo(phones['key-moments'])).toEqual([
      expect.objectContaining({ title: wicket(1).title, body: wicket(1).body }),
    ]);
  });

  it('sends one push round however often a flush is delivered', async () => {
    const { phones, queue, deliver, sendJobs } = await setup('flush-twice');
    await deliver({ type: 'event', event: wicket(1) });
    await deliver({ type: 'event', event: wicket(2) });
    const { flush } = queue.flushes[0]!;
    await deliver(flush);
    await deliver(flush);
    await sendJobs();
    await deliver(flush);
    await sendJobs();
    expect(pushesTo(phones.everything)).toHaveLength(1);
    expect(pushesTo(phones['key-moments'])).toHaveLength(1);
  });

  it('does not put a redelivered event in a second push, even once its fan-out claim is gone', async () => {
    const { phones, queue, clock, deps, sendJobs } = await setup('redelivered');
    await handlePushMessage(deps, { type: 'event', event: wicket(1) }, settings);
    await handlePushMessage(deps, { type: 'event', event: wicket(2) }, settings);
    await handlePushMessage(deps, queue.flushes[0]!.flush, settings);
    await sendJobs();

    // As if the claims had expired: the same events come again, minutes later.
    const forgetful = { ...deps, idempotency: createMemoryIdempotencyStore() };
    clock.advance(300_000);
    for (const event of [wicket(2), wicket(1)])
      expect(await handlePushMessage(forgetful, { type: 'event', event }, settings)).toMatchObject({
        window: digestWindowId(wicket(1)),
      });
    await sendJobs();
    expect(pushesTo(phones.everything)).toHaveLength(1);
  });

  it('schedules the flush again when the event that opened the window is redelivered', async () => {
    const { queue, deps } = await setup('reschedule');
    const failing: PushQueue = {
      ...queue,
      enqueueDigestFlush: async () => Promise.reject(new Error('queue unavailable')),
    };
    await expect(
      handlePushMessage({ ...deps, pushQueue: failing }, { type: 'event', event: wicket(1) }, settings),
    ).rejects.toThrow('queue unavailable');
    expect(await handlePushMessage(deps, { type: 'event', event: wicket(1) }, settings)).toMatchObject({
      kind: 'buffered',
      opened: true,
    });
    expect(queue.flushes.map((f) => f.flush.window)).toEqual([digestWindowId(wicket(1))]);
  });

  it('sends each event at once when the window is 0', async () => {
    const { phones, queue, deps, sendJobs } = await setup('off');
    const off = { ...settings, digestMs: 0 };
    expect(await handlePushMessage(deps, { type: 'event', event: wicket(1) }, off)).toMatchObject({
      kind: 'fanned-out',
    });
    await sendJobs();
    expect(queue.flushes).toEqual([]);
    expect(pushesTo(phones.everything)).toHaveLength(1);
  });
});
