import { DigestFlush, PushJob, PushQueueMessage, Subscription } from '@live-scores/schema';
import { z } from 'zod';
import type { QueueCodec } from './sqlite-queue.ts';
import type { SqliteSubscriptionStore } from './sqlite-subscriptions.ts';

/**
 * A push job as the local queue keeps it: the ids of its subscriptions' rows rather than
 * copies of them (an id is a few bytes; a subscription is hundreds), plus any subscription
 * that was not stored (none, in the runtime) carried whole.
 */
export const StoredPushJob = z.object({
  type: z.literal('send-push'),
  id: PushJob.shape.id,
  event: PushJob.shape.event,
  digest: PushJob.shape.digest,
  subscriptionIds: z.array(z.number().int().positive()).max(1000),
  carried: z.array(Subscription).max(1000).default([]),
  attempt: z.number().int().nonnegative(),
});

const StoredPushMessage = z.union([
  z.object({ type: z.literal('event'), event: PushJob.shape.event }),
  DigestFlush,
  StoredPushJob,
  // Journals imported from the JSON stores hold jobs with their subscriptions inline.
  PushQueueMessage,
]);

/**
 * Push messages with their subscriptions by reference. A job read back holds the
 * subscriptions as they are now: one that unsubscribed meanwhile is left out (the job may
 * then hold none), one that changed its preferences is read as changed.
 */
export function pushQueueCodec(subscriptions: SqliteSubscriptionStore): QueueCodec<PushQueueMessage> {
  return {
    encode(message) {
      if (message.type !== 'send-push') return message;
      const { subscriptions: list, ...job } = message;
      const ids = subscriptions.idsOf(list.map((s) => s.endpoint));
      return {
        ...job,
        subscriptionIds: list.flatMap((s) => ids.get(s.endpoint) ?? []),
        carried: list.filter((s) => !ids.has(s.endpoint)),
      };
    },
    decode(stored) {
      const message = StoredPushMessage.parse(stored);
      if (message.type !== 'send-push' || 'subscriptions' in message) return message;
      const { subscriptionIds, carried, ...job } = message;
      return { ...job, subscriptions: [...subscriptions.byIds(subscriptionIds), ...carried] };
    },
  };
}
