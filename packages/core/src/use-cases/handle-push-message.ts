import type { PushJob, PushQueueMessage } from '@live-scores/schema';
import { deliveryKey } from '../ports/delivery-claims.ts';
import type { IdempotencyStore } from '../ports/idempotency.ts';
import { runOnce } from './run-once.ts';
import { fanOutEvent, type FanOutDeps } from './fan-out-event.ts';
import { sendPushJob, type PushJobReport, type SendPushDeps, type SendPushOptions } from './send-push-job.ts';

/**
 * Outlasts the longest fan-out or job (send-push's 120 s timeout): a shorter lease would let a
 * duplicate take over from a worker that is still sending.
 */
export const DEFAULT_PUSH_LEASE_MS = 150_000;

export type PushMessageDeps = FanOutDeps & SendPushDeps & { idempotency: IdempotencyStore };

export interface HandlePushMessageOptions extends SendPushOptions {
  leaseMs?: number;
  /** Passed to `fanOutEvent`. */
  jobSize?: number;
  pageSize?: number;
}

export type PushMessageOutcome =
  | { kind: 'fanned-out'; subscribers: number; jobs: number }
  | ({ kind: 'sent' } & PushJobReport)
  | { kind: 'duplicate'; key: string };

export const fanOutKey = (eventId: string): string => `fanout:${eventId}`;

/** A retry is a new slice (the failing subscriptions only), so the attempt is part of the key. */
export const pushJobKey = (job: Pick<PushJob, 'id' | 'attempt'>): string => `job:${deliveryKey(job)}`;

/**
 * One push-queue message, done once however often the queue delivers it: an event is fanned
 * out once and each slice is sent once. A duplicate of finished work is acknowledged and
 * skipped; one that arrives while the work runs throws `WorkInProgress`, so it is redelivered
 * (and skipped then, or run if the first worker failed). A failed run gives its key back, so
 * the retry proceeds. A worker that dies mid-job leaves its lease to expire; the redelivery
 * then runs the slice again, sending only to the subscriptions no run had claimed (see
 * `DeliveryClaims`): nobody gets a notification twice, and those the dead run had claimed
 * but not reached miss it.
 */
export async function handlePushMessage(
  deps: PushMessageDeps,
  message: PushQueueMessage,
  options: HandlePushMessageOptions,
): Promise<PushMessageOutcome> {
  const leaseMs = options.leaseMs ?? DEFAULT_PUSH_LEASE_MS;
  const key = message.type === 'event' ? fanOutKey(message.event.id) : pushJobKey(message);
  const outcome = await runOnce(
    deps.idempotency,
    key,
    leaseMs,
    async (): Promise<PushMessageOutcome> =>
      message.type === 'event'
        ? { kind: 'fanned-out', ...(await fanOutEvent(deps, message.event, options)) }
        : { kind: 'sent', ...(await sendPushJob(deps, message, options)) },
  );
  if (outcome.kind === 'ran') return outcome.result;
  deps.logger.info('duplicate push message skipped', {
    matchId: message.event.matchId,
    teamId: message.event.teamId,
    eventId: message.event.id,
    key,
  });
  return { kind: 'duplicate', key };
}
