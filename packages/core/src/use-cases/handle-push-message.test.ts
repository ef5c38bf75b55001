import {
  createEmbeddedPushQueue,
  createEmbeddedQueue,
  createMemoryDeliveryClaims,
  createMemoryIdempotencyStore,
  createMemorySubscriptionStore,
} from '@live-scores/local';
import type { PushJob, PushQueueMessage, Subscription } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import type { PushQueue } from '../ports/push-queue.ts';
import { useLoopbackPush } from '../testing/loopback-push.ts';
import { eventOf } from '../testing/delivery-fixtures.ts';
import { fanOutKey, handlePushMessage, pushJobKey } from './handle-push-message.ts';
import { WorkInProgress } from './run-once.ts';

const settings = { pageUrl: '/', ttlSeconds: { score: 1800, result: 86_400 } };

/** A push queue that keeps what it is given, for the test to deliver (or redeliver) by hand. */
function recordingQueue(): PushQueue & { jobs: PushJob[] } {
  const jobs: PushJob[] = [];
  return {
    jobs,
    enqueueEvents: async () => undefined,
    enqueueDigestFlush: async () => undefined,
    enqueueJobs: async (batch) => void jobs.push(...batch),
  };
}

describe('push-queue messages, each done once however often the queue delivers it', () => {
  const loopback = useLoopbackPush();

  const pushesTo = (s: Subscription): number =>
    loopback.receiver.received.filter((r) => r.path === new URL(s.endpoint).pathname).length;

  async function audience(prefix: string, size: number) {
    const subscriptions = createMemorySubscriptionStore();
    const phones = Array.from({ length: size }, (_, i) =>
      loopback.receiver.createSubscription(`/${prefix}/${i}`),
    );
    for (const { endpoint, keys } of phones) await subscriptions.put({ endpoint, keys });
    return { subscriptions, phones };
  }

  it.each([
    ['one after another', 1],
    ['side by side', 4],
  ])(
    'pushes each subscriber once when every event and job message is delivered twice (%s)',
    async (_order, concurrency) => {
      const logger = createMemoryLogger();
      const { subscriptions, phones } = await audience(`twice-${concurrency}`, 5);
      const idempotency = createMemoryIdempotencyStore();
      const queue = createEmbeddedQueue<PushQueueMessage>({
        name: 'push',
        logger,
        concurrency,
        maxReceives: 20,
        backoff: { firstMs: 5, maxMs: 20 },
        faults: { duplicateRate: 1, reorderRate: 0, maxHoldMs: 0, seed: 'twice' },
        handler: async (message) =>
          void (await handlePushMessage(
            {
              sender: loopback.sender,
              subscriptions,
              pushQueue,
              idempotency,
              claims: createMemoryDeliveryClaims(),
              logger,
            },
            message,
            {
              ...settings,
              jobSize: 2,
            },
          )),
      });
      const pushQueue = createEmbeddedPushQueue(queue);

      await pushQueue.enqueueEvents([eventOf('wicket'), eventOf('overs', { id: '6123456:1:overs:10' })]);
      await queue.idle();
      queue.close();

      expect(phones.map(pushesTo)).toEqual([2, 2, 2, 2, 2]);
      expect(await queue.deadLetters()).toEqual([]);
      expect(
        logger.lines.filter((l) => l.message === 'duplicate push message skipped').length,
      ).toBeGreaterThan(0);
    },
  );

  it('sends a job delivered twice in a row once, and acknowledges the second delivery', async () => {
    const { subscriptions, phones } = await audience('job-again', 2);
    const idempotency = createMemoryIdempotencyStore();
    const fanOut = recordingQueue();
    const deps = {
      sender: loopback.sender,
      subscriptions,
      pushQueue: fanOut,
      idempotency,
      claims: createMemoryDeliveryClaims(),
      logger: createMemoryLogger(),
    };
    await handlePushMessage(deps, { type: 'event', event: eventOf('wicket') }, settings);
    const [job] = fanOut.jobs;

    expect(await handlePushMessage(deps, job!, settings)).toMatchObject({ kind: 'sent', delivered: 2 });
    expect(await handlePushMessage(deps, job!, settings)).toEqual({
      kind: 'duplicate',
      key: pushJobKey(job!),
    });
    expect(phones.map(pushesTo)).toEqual([1, 1]);
  });

  it('sends a job delivered twice at once once, and has the queue redeliver the one that found it in progress', async () => {
    const { subscriptions, phones } = await audience('job-together', 2);
    const idempotency = createMemoryIdempotencyStore();
    const fanOut = recordingQueue();
    const deps = {
      sender: loopback.sender,
      subscriptions,
      pushQueue: fanOut,
      idempotency,
      claims: createMemoryDeliveryClaims(),
      logger: createMemoryLogger(),
    };
    await handlePushMessage(deps, { type: 'event', event: eventOf('wicket') }, settings);
    const [job] = fanOut.jobs;

    const both = await Promise.allSettled([
      handlePushMessage(deps, job!, settings),
      handlePushMessage(deps, job!, settings),
    ]);
    expect(both.map((b) => b.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(both.find((b) => b.status === 'rejected')?.reason).toBeInstanceOf(WorkInProgress);

    expect(await handlePushMessage(deps, job!, settings)).toEqual({
      kind: 'duplicate',
      key: pushJobKey(job!),
    });
    expect(phones.map(pushesTo)).toEqual([1, 1]);
  });

  it('redelivers a duplicate that arrives while another worker holds the lease, and sends it if that worker failed', async () => {
    const { subscriptions, phones } = await audience('held', 1);
    const idempotency = createMemoryIdempotencyStore();
    const fanOut = recordingQueue();
    const deps = {
      sender: loopback.sender,
      subscriptions,
      pushQueue: fanOut,
      idempotency,
      claims: createMemoryDeliveryClaims(),
      logger: createMemoryLogger(),
    };
    const event = eventOf('result', { id: '6123456:result' });
    await idempotency.begin(fanOutKey(event.id), 60_000);

    await expect(handlePushMessage(deps, { type: 'event', event }, settings)).rejects.toBeInstanceOf(
      WorkInProgress,
    );
    expect(fanOut.jobs).toEqual([]);

    await idempotency.release(fanOutKey(event.id));
    expect(await handlePushMessage(deps, { type: 'event', event }, settings)).toEqual({
      kind: 'fanned-out',
      subscribers: 1,
      jobs: 1,
    });
    await handlePushMessage(deps, fanOut.jobs[0]!, settings);
    expect(phones.map(pushesTo)).toEqual([1]);
  });

  it('retries a job only for the subscriber whose push service answered 500, and only once per retry', async () => {
    const { subscriptions, phones } = await audience('partial', 2);
    const [healthy, broken] = phones;
    // Failing every inline try of the first run, then recovered.
    loopback.receiver.setMode(new URL(broken!.endpoint).pathname, { status: 500, times: 3 });
    const idempotency = createMemoryIdempotencyStore();
    const queue = recordingQueue();
    const deps = {
      sender: loopback.sender,
      subscriptions,
      pushQueue: queue,
      idempotency,
      claims: createMemoryDeliveryClaims(),
      logger: createMemoryLogger(),
      sleep: async () => undefined,
    };
    await handlePushMessage(deps, { type: 'event', event: eventOf('wicket') }, settings);
    const [job] = queue.jobs;

    expect(await handlePushMessage(deps, job!, settings)).toMatchObject({
      kind: 'sent',
      delivered: 1,
      requeued: 1,
    });
    const retry = queue.jobs[1]!;
    expect([retry.id, retry.attempt, retry.subscriptions.map((s) => s.endpoint)]).toEqual([
      job!.id,
      1,
      [broken!.endpoint],
    ]);
    expect(await handlePushMessage(deps, job!, settings)).toMatchObject({ kind: 'duplicate' });
    expect(await handlePushMessage(deps, retry, settings)).toMatchObject({ kind: 'sent', delivered: 1 });
    expect(await handlePushMessage(deps, retry, settings)).toMatchObject({ kind: 'duplicate' });
    expect([pushesTo(healthy!), pushesTo(broken!)]).toEqual([1, 1]);
  });

  it('re-creates the same jobs when a fan-out that failed halfway is retried, and skips those already sent', async () => {
    const { subscriptions, phones } = await audience('halfway', 3);
    const idempotency = createMemoryIdempotencyStore();
    const queue = recordingQueue();
    let refusals = 1;
    const flaky: PushQueue = {
      enqueueEvents: async () => undefined,
      enqueueDigestFlush: async () => undefined,
      async enqueueJobs(jobs) {
        if (queue.jobs.length === 1 && refusals-- > 0) throw new Error('queue unavailable');
        await queue.enqueueJobs(jobs);
      },
    };
    const deps = {
      sender: loopback.sender,
      subscriptions,
      pushQueue: flaky,
      idempotency,
      claims: createMemoryDeliveryClaims(),
      logger: createMemoryLogger(),
    };
    const message: PushQueueMessage = { type: 'event', event: eventOf('wicket') };
    const options = { ...settings, jobSize: 1, pageSize: 1 };

    await expect(handlePushMessage(deps, message, options)).rejects.toThrow('queue unavailable');
    await handlePushMessage(deps, queue.jobs[0]!, options);
    await handlePushMessage(deps, message, options);

    expect(queue.jobs.map((j) => j.id)).toEqual([
      '6123456:1:wicket:1#0',
      '6123456:1:wicket:1#0',
      '6123456:1:wicket:1#1',
      '6123456:1:wicket:1#2',
    ]);
    const outcomes = [];
    for (const job of queue.jobs.slice(1)) outcomes.push((await handlePushMessage(deps, job, options)).kind);
    expect(outcomes).toEqual(['duplicate', 'sent', 'sent']);
    expect(phones.map(pushesTo)).toEqual([1, 1, 1]);
  });
});
