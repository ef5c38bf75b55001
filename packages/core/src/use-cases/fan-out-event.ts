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

/** What one fan-out sends: the jobs' event (and digest), and who wants it. */
export interface FanOutSubject {
  /** Names the jobs: `pushJobId(id, index)`. */
  id: string;
  event: NotificationEvent;
  digest?: NotificationEvent[];
  /** Whether a subscription gets a push from these jobs. */
  wants: (preferences: Subscription['preferences']) => boolean;
}

export interface FanOutOptions {
  jobSize?: number;
  pageSize?: number;
}

/**
 * The team's subscriptions that want the subject, split into jobs on the push queue, page by
 * page. Returns how many subscribers and jobs.
 */
export async function fanOut(
  deps: FanOutDeps,
  subject: FanOutSubject,
  options: FanOutOptions = {},
): Promise<{ subscribers: number; jobs: number }> {
  const { event } = subject;
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
        id: pushJobId(subject.id, jobs + i),
        event,
        ...(subject.digest && { digest: subject.digest }),
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
    const wanted = page.subscriptions.filter((s) => subject.wants(s.preferences));
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

/** An event → the subscriptions whose preferences want it (team, kind), in jobs on the push queue. */
export function fanOutEvent(
  deps: FanOutDeps,
  event: NotificationEvent,
  options: FanOutOptions = {},
): Promise<{ subscribers: number; jobs: number }> {
  return fanOut(
    deps,
    {
      id: event.id,
      event,
      wants: (preferences) => wantsNotification(preferences, event.teamId, event.kind),
    },
    options,
  );
}
