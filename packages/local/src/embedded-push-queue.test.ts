import type { NotificationEvent, PushJob, PushQueueMessage } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { createEmbeddedPushQueue } from './embedded-push-queue.ts';

const event: NotificationEvent = {
  id: '6123456:1:wicket:1',
  matchId: '6123456',
  teamId: 'firstTeam',
  kind: 'wicket',
  title: '1st XI · Wicket',
  body: 'A Smith b J Thurwell 10',
  createdAt: '2025-06-14T13:00:20.000Z',
};
const job: PushJob = {
  type: 'send-push',
  id: 'event-1#0',
  event,
  subscriptions: [
    {
      endpoint: 'https://fcm.googleapis.com/fcm/send/abc',
      keys: {
        p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'),
        auth: Buffer.alloc(16, 2).toString('base64url'),
      },
    },
  ],
  attempt: 1,
};

function recording() {
  const sent: { at: number; message: PushQueueMessage }[] = [];
  return { sent, send: async (message: PushQueueMessage) => void sent.push({ at: Date.now(), message }) };
}

describe('the embedded push queue', () => {
  it('queues each event as an event message, at once', async () => {
    const queue = recording();
    await createEmbeddedPushQueue(queue).enqueueEvents([event, { ...event, id: 'other' }]);
    expect(queue.sent.map((s) => s.message)).toEqual([
      { type: 'event', event },
      { type: 'event', event: { ...event, id: 'other' } },
    ]);
  });

  it('holds a delayed job back for the delay asked', async () => {
    const queue = recording();
    const started = Date.now();
    await createEmbeddedPushQueue(queue).enqueueJobs([job], { delayMs: 60 });
    expect(queue.sent).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(queue.sent.map((s) => s.message)).toEqual([job]);
    expect(queue.sent[0]!.at - started).toBeGreaterThanOrEqual(55);
  });
});
