import { wantsNotification, type NotificationEvent, type Subscription } from '@live-scores/schema';
import { chunk } from '../concurrency.ts';
import type { Logger } from '../logger.ts';
import type { PushQueue } from '../ports/push-queue.ts';
import type { SubscriptionStore } from '../ports/subscriptions.ts';

/** Subscriptions per job: small enough for one invocation and one queue message. */
export const DEFAULT_JOB_SIZE = 200;

/**
 * A slice's id: the event and the slice's place in the fan-out, so a fan-out re-run after a
 * crash names its slices as the first run did (and the slices already sent are skipped).
 */
export const pushJobId = (eventId: string, index: number): string => `${eventId}#${index}`;

export interface FanOutDeps {
  subscriptions: SubscriptionStore;
  pushQueue: PushQueue;
  logger: Logger;
}

/**
 * An event → the subscriptions whose preferences want it (team, kind), split into jobs on the
 * push queue. Returns how many subscribers and jobs.
 */
export async function fanOutEvent(
  deps: FanOutDeps,
  event: NotificationEvent,
  options: { jobSize?: number; pageSize?: number } = {},
): Promise<{ subscribers: number; jobs: number }> {
  const jobSize = options.jobSize ?? DEFAULT_JOB_SIZE;
  let subscribers = 0;
  let jobs = 0;
  let pending: Subscription[] = [];
  const flush = async (final: boolean): Promise<void> => {
    const slices = chunk(pending, jobSize);
    const ready = final ? slices : slices.filter((s) => s.length === jobSize);
    if (ready.length === 0) return;
    await deps.pushQueue.enqueueJobs(
      ready.map((subs, i) => ({
        type: 'send-push',
        id: pushJobId(event.id, jobs + i),
        event,
        subscriptions: subs,
        attempt: 0,
      })),
    );
    jobs += ready.length;
    pending = final ? [] : pending.slice(ready.length * jobSize);
  };

  let cursor: string | undefined;
  do {
    const page = await deps.subscriptions.listPageForTeam(event.teamId, cursor, options.pageSize);
    const wanted = page.subscriptions.filter((s) =>
      wantsNotification(s.preferences, event.teamId, event.kind),
    );
    subscribers += wanted.length;
    pending.push(...wanted);
    await flush(false);
    cursor = page.cursor;
  } while (cursor);
  await flush(true);

  deps.logger.info('event fanned out', {
    matchId: event.matchId,
    teamId: event.teamId,
    eventId: event.id,
    subscribers,
    jobs,
  });
  return { subscribers, jobs };
}
