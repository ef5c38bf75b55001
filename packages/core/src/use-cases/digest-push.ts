import { digestOf } from '@live-scores/notify';
import {
  wantsNotification,
  type NotificationEvent,
  type PushJob,
  type Subscription,
} from '@live-scores/schema';
import type { PushMessage } from '../ports/push-sender.ts';
import { pushMessageForEvent, type PushMessageOptions } from '../push-message.ts';

/**
 * The events one subscription's push from a job stands for: a plain job's event; of a digest
 * job's events, those its preferences want (so a `key-moments` supporter's digest leaves the
 * score updates out), possibly none.
 */
export function eventsForSubscriber(
  job: Pick<PushJob, 'event' | 'digest'>,
  subscription: Pick<Subscription, 'preferences'>,
): NotificationEvent[] {
  if (!job.digest) return [job.event];
  return job.digest.filter((e) => wantsNotification(subscription.preferences, e.teamId, e.kind));
}

/**
 * The push each subscription of a job gets (see `eventsForSubscriber`), or null when it wants
 * none of a digest's events; subscriptions that want the same events share one message.
 */
export function pushMessagesForJob(
  job: Pick<PushJob, 'event' | 'digest'>,
  options: PushMessageOptions,
): (subscription: Subscription) => PushMessage | null {
  if (!job.digest) {
    const message = pushMessageForEvent(job.event, options);
    return () => message;
  }
  const byWanted = new Map<string, PushMessage | null>();
  return (subscription) => {
    const wanted = eventsForSubscriber(job, subscription);
    const key = wanted.map((e) => e.id).join('\n');
    let message = byWanted.get(key);
    if (message === undefined) {
      message = wanted.length === 0 ? null : pushMessageForEvent(digestNotification(wanted), options);
      byWanted.set(key, message);
    }
    return message;
  };
}

/** Several events as the one notification that stands for them (see `digestOf`). */
export function digestNotification(events: readonly NotificationEvent[]): NotificationEvent {
  const { includes: _includes, ...event } = digestOf(events);
  return event;
}
