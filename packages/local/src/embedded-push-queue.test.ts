import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '@live-scores/core';
import { PushQueueMessage, type NotificationEvent, type PushJob } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { createEmbeddedQueue, createFileQueueStores } from './embedded-queue.ts';
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

  it('journals a delayed job with the time it is due, so a restart during the pause still sends it then', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'push-queue-'));
    const stores = () => createFileQueueStores(dir, 'push', PushQueueMessage);
    const delivered: { at: number; message: PushQueueMessage }[] = [];
    const open = () =>
      createEmbeddedQueue<PushQueueMessage>({
        name: 'push',
        logger: createMemoryLogger(),
        ...stores(),
        handler: async (message) => void delivered.push({ at: Date.now(), message }),
      });
    const first = open();
    const asked = Date.now();
    await createEmbeddedPushQueue(first).enqueueJobs([job], { delayMs: 400 });
    first.close(); // the runtime stops during the pause
    const [journaled] = await stores().journal.read();
    expect(journaled).toMatchObject({ message: job, receiveCount: 0 });
    expect(journaled!.visibleAt).toBeGreaterThanOrEqual(asked + 400);

    const second = open();
    await second.idle();
    expect(delivered.map((d) => d.message)).toEqual([job]);
    expect(delivered[0]!.at).toBeGreaterThanOrEqual(journaled!.visibleAt!);
    second.close();
    await rm(dir, { recursive: true, force: true });
  });
});
