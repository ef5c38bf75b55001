import type { PushJob, Subscription } from '@live-scores/schema';
import { mapWithConcurrency, sleep } from '../concurrency.ts';
import type { Logger } from '../logger.ts';
import { deliveryKey, type DeliveryClaims } from '../ports/delivery-claims.ts';
import type { PushQueue } from '../ports/push-queue.ts';
import type { PushMessage, PushOutcome, PushSender } from '../ports/push-sender.ts';
import type { SubscriptionStore } from '../ports/subscriptions.ts';
import type { PushMessageOptions } from '../push-message.ts';
import { pushMessagesForJob } from './digest-push.ts';

export interface SendPushDeps {
  sender: PushSender;
  subscriptions: SubscriptionStore;
  pushQueue: PushQueue;
  claims: DeliveryClaims;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendPushOptions extends PushMessageOptions {
  concurrency?: number;
  /** Tries per subscription within this invocation. */
  attemptsInline?: number;
  /** Waits longer than this are not slept through: the slice is requeued with a delay instead. */
  maxInlineWaitMs?: number;
  /** Times a slice may be requeued before the job fails and the queue dead-letters it. */
  maxJobAttempts?: number;
  backoffMs?: number;
}

export interface PushJobReport {
  delivered: number;
  /** Subscriptions deleted because the push service said they are gone (404/410). */
  removed: number;
  /** Messages dropped for a subscription the push service rejected (400/413). */
  dropped: number;
  /** Subscriptions requeued for later (429/503 or repeated 5xx/timeouts). */
  requeued: number;
  /** Subscriptions an earlier run of this job had already claimed: not sent again. */
  skipped: number;
}

export class PushJobFailed extends Error {
  constructor(
    readonly eventId: string,
    readonly failedSubscriptions: number,
  ) {
    super(`push job for event ${eventId}: ${failedSubscriptions} subscriptions still failing after retries`);
    this.name = 'PushJobFailed';
  }
}

const DEFAULTS = {
  concurrency: 50,
  attemptsInline: 3,
  maxInlineWaitMs: 5000,
  maxJobAttempts: 3,
  backoffMs: 200,
};

type Final = Exclude<PushOutcome['kind'], 'retry-after' | 'failed-retryable'> | 'retry';

async function sendWithRetries(
  deps: SendPushDeps,
  subscription: Subscription,
  message: PushMessage,
  settings: typeof DEFAULTS,
  wantWait: (ms: number) => void,
): Promise<Final> {
  const wait = deps.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    const outcome = await deps.sender.send(subscription, message);
    if (outcome.kind === 'delivered' || outcome.kind === 'gone' || outcome.kind === 'rejected')
      return outcome.kind;
    if (attempt >= settings.attemptsInline) {
      if (outcome.kind === 'retry-after') wantWait(outcome.retryAfterMs);
      return 'retry';
    }
    const delay =
      outcome.kind === 'retry-after' ? outcome.retryAfterMs : settings.backoffMs * 2 ** (attempt - 1);
    if (delay > settings.maxInlineWaitMs) {
      wantWait(delay);
      return 'retry';
    }
    await wait(delay);
  }
}

/**
 * One job: claim the slice's subscriptions (one write), then send the event (or each
 * subscription's digest) to each one claimed with bounded concurrency; those an earlier run
 * claimed are skipped, so a job redelivered after a crash reaches nobody twice.
 * Gone → delete the subscription; rejected → log and drop; 429/503 → wait as asked (or
 * requeue when the wait is long); other failures → retry with backoff, then requeue the
 * failing subscriptions only, and past `maxJobAttempts` throw so the queue dead-letters.
 */
export async function sendPushJob(
  deps: SendPushDeps,
  job: PushJob,
  options: SendPushOptions,
): Promise<PushJobReport> {
  const settings = { ...DEFAULTS, ...options };
  const messageFor = pushMessagesForJob(job, options);
  const log = { matchId: job.event.matchId, teamId: job.event.teamId, eventId: job.event.id };
  const claimed = await deps.claims.claim(
    deliveryKey(job),
    job.subscriptions.map((s) => s.endpoint),
  );
  const fresh = job.subscriptions.filter((s) => claimed.has(s.endpoint));
  const report: PushJobReport = {
    delivered: 0,
    removed: 0,
    dropped: 0,
    requeued: 0,
    skipped: job.subscriptions.length - fresh.length,
  };
  const retry: Subscription[] = [];
  let requestedWaitMs = 0;

  await mapWithConcurrency(fresh, settings.concurrency, async (subscription) => {
    const message = messageFor(subscription);
    // A digest none of whose events this subscription still wants: nothing to send it.
    if (message === null) return;
    const final = await sendWithRetries(deps, subscription, message, settings, (ms) => {
      requestedWaitMs = Math.max(requestedWaitMs, ms);
    });
    if (final === 'delivered') report.delivered++;
    else if (final === 'gone') {
      await deps.subscriptions.delete(subscription.endpoint);
      report.removed++;
    } else if (final === 'rejected') {
      deps.logger.warn('push rejected, dropped for this subscription', {
        ...log,
        host: new URL(subscription.endpoint).host,
      });
      report.dropped++;
    } else retry.push(subscription);
  });

  if (retry.length > 0) {
    if (job.attempt + 1 >= settings.maxJobAttempts) {
      deps.logger.error('push job failing, leaving it to the dead-letter queue', {
        ...log,
        failing: retry.length,
      });
      throw new PushJobFailed(job.event.id, retry.length);
    }
    const delayMs = Math.max(
      requestedWaitMs,
      settings.backoffMs * 2 ** (job.attempt + settings.attemptsInline),
    );
    await deps.pushQueue.enqueueJobs([{ ...job, subscriptions: retry, attempt: job.attempt + 1 }], {
      delayMs,
    });
    report.requeued = retry.length;
  }
  deps.logger.info('push job done', { ...log, ...report });
  return report;
}
