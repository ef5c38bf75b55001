import { createMemoryDeliveryClaims, createMemorySubscriptionStore } from '@live-scores/local';
import type { ReceiverSubscription } from '@live-scores/push-receiver';
import type { PushJob, Subscription } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import type { SubscriptionStore } from '../ports/subscriptions.ts';
import { useLoopbackPush } from '../testing/loopback-push.ts';
import { eventOf, plain, recordingQueue } from '../testing/delivery-fixtures.ts';
import { deliveryKey } from '../ports/delivery-claims.ts';
import { pushMessageForEvent } from '../push-message.ts';
import { PushJobFailed, sendPushJob } from './send-push-job.ts';

const messageOptions = {
  pageUrl: 'https://scores.club.example/',
  ttlSeconds: { score: 1800, result: 86_400 },
};

describe('sending a push job', () => {
  const loopback = useLoopbackPush();

  async function storeWith(...subscriptions: Subscription[]): Promise<SubscriptionStore> {
    const store = createMemorySubscriptionStore();
    for (const s of subscriptions) await store.put(plain(s));
    return store;
  }

  const deps = (subscriptions: SubscriptionStore, pushQueue = recordingQueue()) => ({
    sender: loopback.sender,
    subscriptions,
    pushQueue,
    claims: createMemoryDeliveryClaims(),
    logger: createMemoryLogger(),
    sleep: async () => undefined,
  });

  it('delivers the event as the phone shows it: title, body, tag, url, matchId and kind', async () => {
    const phone = loopback.receiver.createSubscription('/job/phone');
    const job: PushJob = {
      type: 'send-push',
      id: 'event-1#0',
      event: eventOf('wicket'),
      subscriptions: [plain(phone)],
      attempt: 0,
    };
    const report = await sendPushJob(deps(await storeWith(phone)), job, messageOptions);
    expect(report).toEqual({ delivered: 1, removed: 0, dropped: 0, requeued: 0, skipped: 0 });
    const push = loopback.receiver.received.find((r) => r.path === '/job/phone');
    expect(push?.payload).toEqual({
      title: '1st XI: wicket',
      body: 'A Smith b J Thurwell 10 — Cleckheaton 26 for 1',
      tag: '6123456-wicket',
      url: 'https://scores.club.example/?match=6123456',
      matchId: '6123456',
      kind: 'wicket',
    });
    expect([push?.ttl, push?.urgency, push?.topic]).toEqual([1800, 'high', '6123456-wicket']);
  });

  it('keeps a result for 24 hours and sends an overs update at normal urgency', async () => {
    const phone = loopback.receiver.createSubscription('/job/kinds');
    const store = await storeWith(phone);
    for (const kind of ['result', 'overs'] as const) {
      await sendPushJob(
        deps(store),
        {
          type: 'send-push',
          id: 'event-1#0',
          event: eventOf(kind, { id: `x:${kind}` }),
          subscriptions: [plain(phone)],
          attempt: 0,
        },
        messageOptions,
      );
    }
    const pushes = loopback.receiver.received.filter((r) => r.path === '/job/kinds');
    expect(pushes.map((p) => [p.ttl, p.urgency])).toEqual([
      [86_400, 'high'],
      [1800, 'normal'],
    ]);
  });

  it.each([404, 410])('deletes the subscription when the push service answers %i', async (status) => {
    const gone = loopback.receiver.createSubscription(`/job/gone-${status}`);
    const kept = loopback.receiver.createSubscription(`/job/kept-${status}`);
    loopback.receiver.setMode(`/job/gone-${status}`, { status });
    const store = await storeWith(gone, kept);
    const job: PushJob = {
      type: 'send-push',
      id: 'event-1#0',
      event: eventOf('wicket'),
      subscriptions: [plain(gone), plain(kept)],
      attempt: 0,
    };
    expect(await sendPushJob(deps(store), job, messageOptions)).toEqual({
      delivered: 1,
      removed: 1,
      dropped: 0,
      requeued: 0,
      skipped: 0,
    });
    expect((await store.listPage()).subscriptions.map((s) => s.endpoint)).toEqual([kept.endpoint]);
  });

  it('waits as a 429 asks and then delivers', async () => {
    const busy = loopback.receiver.createSubscription('/job/429');
    loopback.receiver.setMode('/job/429', { status: 429, retryAfterSeconds: 2, times: 1 });
    const waits: number[] = [];
    const d = { ...deps(await storeWith(busy)), sleep: async (ms: number) => void waits.push(ms) };
    const job: PushJob = {
      type: 'send-push',
      id: 'event-1#0',
      event: eventOf('wicket'),
      subscriptions: [plain(busy)],
      attempt: 0,
    };
    expect(await sendPushJob(d, job, messageOptions)).toMatchObject({
      delivered: 1,
      requeued: 0,
      skipped: 0,
    });
    expect(waits).toEqual([2000]);
  });

  it('requeues with the asked delay when a 503 asks for longer than is worth waiting here', async () => {
    const busy = loopback.receiver.createSubscription('/job/503');
    loopback.receiver.setMode('/job/503', { status: 503, retryAfterSeconds: 120, times: 1 });
    const queue = recordingQueue();
    const job: PushJob = {
      type: 'send-push',
      id: 'event-1#0',
      event: eventOf('wicket'),
      subscriptions: [plain(busy)],
      attempt: 0,
    };
    expect(await sendPushJob(deps(await storeWith(busy), queue), job, messageOptions)).toMatchObject({
      delivered: 0,
      requeued: 1,
      skipped: 0,
    });
    expect(queue.jobs).toEqual([{ ...job, attempt: 1 }]);
    expect(queue.delays).toEqual([120_000]);
  });

  it('retries a 500 with backoff and delivers when the service recovers', async () => {
    const flaky = loopback.receiver.createSubscription('/job/500-recovers');
    loopback.receiver.setMode('/job/500-recovers', { status: 500, times: 2 });
    const job: PushJob = {
      type: 'send-push',
      id: 'event-1#0',
      event: eventOf('wicket'),
      subscriptions: [plain(flaky)],
      attempt: 0,
    };
    expect(await sendPushJob(deps(await storeWith(flaky)), job, messageOptions)).toMatchObject({
      delivered: 1,
    });
  });

  it('requeues only the failing subscriptions after repeated 500s, and fails the job at the last attempt', async () => {
    const broken = loopback.receiver.createSubscription('/job/500');
    const fine = loopback.receiver.createSubscription('/job/500-neighbour');
    loopback.receiver.setMode('/job/500', { status: 500 });
    const store = await storeWith(broken, fine);
    const queue = recordingQueue();
    const job: PushJob = {
      type: 'send-push',
      id: 'event-1#0',
      event: eventOf('wicket'),
      subscriptions: [plain(broken), plain(fine)],
      attempt: 0,
    };
    expect(await sendPushJob(deps(store, queue), job, messageOptions)).toEqual({
      delivered: 1,
      removed: 0,
      dropped: 0,
      requeued: 1,
      skipped: 0,
    });
    expect(queue.jobs[0]?.subscriptions.map((s) => s.endpoint)).toEqual([broken.endpoint]);

    const last: PushJob = { ...job, subscriptions: [plain(broken)], attempt: 2 };
    await expect(sendPushJob(deps(store, queue), last, messageOptions)).rejects.toBeInstanceOf(PushJobFailed);
  });

  it.each([400, 413])(
    'drops the message for a subscription the push service refuses with %i, and keeps the subscription',
    async (status) => {
      const refused = loopback.receiver.createSubscription(`/job/refused-${status}`);
      loopback.receiver.setMode(`/job/refused-${status}`, { status });
      const store = await storeWith(refused);
      const d = deps(store);
      const job: PushJob = {
        type: 'send-push',
        id: 'event-1#0',
        event: eventOf('wicket'),
        subscriptions: [plain(refused)],
        attempt: 0,
      };
      expect(await sendPushJob(d, job, messageOptions)).toEqual({
        delivered: 0,
        removed: 0,
        dropped: 1,
        requeued: 0,
        skipped: 0,
      });
      expect((await store.listPage()).subscriptions).toHaveLength(1);
      expect(d.logger.lines.some((l) => l.message === 'push rejected, dropped for this subscription')).toBe(
        true,
      );
    },
  );
  it('sends a redelivered job only to the subscriptions no earlier run claimed: nobody gets it twice', async () => {
    const [reached, cutOff, unreached] = ['reached', 'cut-off', 'unreached'].map((name) =>
      loopback.receiver.createSubscription(`/job/redelivered-${name}`),
    ) as [ReceiverSubscription, ReceiverSubscription, ReceiverSubscription];
    const job: PushJob = {
      type: 'send-push',
      id: 'event-redelivered#0',
      event: eventOf('wicket', { id: 'event-redelivered' }),
      subscriptions: [plain(reached), plain(cutOff), plain(unreached)],
      attempt: 0,
    };
    const d = deps(await storeWith(reached, cutOff, unreached));
    // The first run claimed two, reached one, and died before sending to the other.
    await d.claims.claim(deliveryKey(job), [reached.endpoint, cutOff.endpoint]);
    await d.sender.send(plain(reached), pushMessageForEvent(job.event, messageOptions));

    expect(await sendPushJob(d, job, messageOptions)).toEqual({
      delivered: 1,
      removed: 0,
      dropped: 0,
      requeued: 0,
      skipped: 2,
    });
    expect(await sendPushJob(d, job, messageOptions)).toMatchObject({ delivered: 0, skipped: 3 });
    const pushes = (name: string) =>
      loopback.receiver.received.filter((r) => r.path === `/job/redelivered-${name}`).length;
    expect([pushes('reached'), pushes('cut-off'), pushes('unreached')]).toEqual([1, 0, 1]);
  });

  it('sends a retry to the subscriptions that failed, though the first attempt claimed them', async () => {
    const flaky = loopback.receiver.createSubscription('/job/retry-claimed');
    loopback.receiver.setMode('/job/retry-claimed', { status: 500, times: 3 });
    const queue = recordingQueue();
    const d = deps(await storeWith(flaky), queue);
    const job: PushJob = {
      type: 'send-push',
      id: 'event-retry-claimed#0',
      event: eventOf('wicket', { id: 'event-retry-claimed' }),
      subscriptions: [plain(flaky)],
      attempt: 0,
    };
    expect(await sendPushJob(d, job, messageOptions)).toMatchObject({ delivered: 0, requeued: 1 });
    expect(await sendPushJob(d, queue.jobs[0]!, messageOptions)).toMatchObject({ delivered: 1, skipped: 0 });
    expect(loopback.receiver.received.filter((r) => r.path === '/job/retry-claimed')).toHaveLength(1);
  });
});
