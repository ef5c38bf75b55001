import type { PushJob, PushQueueMessage } from '@live-scores/schema';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { DigestBuffer } from '../ports/digest-buffer.ts';
import { deliveryKey } from '../ports/delivery-claims.ts';
import type { IdempotencyStore } from '../ports/idempotency.ts';
import { runOnce } from './run-once.ts';
import { fanOutEvent, type FanOutDeps } from './fan-out-event.ts';
import { bufferNotification, flushDigest, type BufferOutcome, type DigestDeps } from './flush-digest.ts';
import { sendPushJob, type PushJobReport, type SendPushDeps, type SendPushOptions } from './send-push-job.ts';

/**
 * Outlasts the longest fan-out or job (send-push's 120 s timeout): a shorter lease would let a
 * duplicate take over from a worker that is still sending.
 */
export const DEFAULT_PUSH_LEASE_MS = 150_000;

/** `digests` and `clock` are needed once `digestMs` is set. */
export type PushMessageDeps = FanOutDeps &
  SendPushDeps & { idempotency: IdempotencyStore; digests?: DigestBuffer; clock?: Clock };

export interface HandlePushMessageOptions extends SendPushOptions {
  leaseMs?: number;
  /** Passed to `fanOutEvent`. */
  jobSize?: number;
  pageSize?: number;
  /** A match's events within this of the first go as one push per supporter; 0 (the default) sends each at once. */
  digestMs?: number;
}

export type PushMessageOutcome =
  | { kind: 'fanned-out'; subscribers: number; jobs: number }
  | BufferOutcome
  | ({ kind: 'sent' } & PushJobReport)
  | { kind: 'duplicate'; key: string };

export const fanOutKey = (eventId: string): string => `fanout:${eventId}`;

/** A retry is a new slice (the failing subscriptions only), so the attempt is part of the key. */
export const pushJobKey = (job: Pick<PushJob, 'id' | 'attempt'>): string => `job:${deliveryKey(job)}`;

/**
 * One push-queue message, done once however often the queue delivers it: an event is fanned
 * out (or held in its match's digest window) once, each window is flushed once and each slice
 * is sent once. A duplicate of finished work is acknowledged and
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
  const digest = { ...options, windowMs: options.digestMs ?? 0, leaseMs };
  const digestDeps = (): DigestDeps => {
    if (!deps.digests) throw new Error('a digest window is set but no digest buffer is wired');
    return { ...deps, digests: deps.digests, clock: deps.clock ?? systemClock };
  };
  // A flush claims its window itself, so that a result flushing the window at once and the
  // window's delayed flush message are one flush however they interleave.
  if (message.type === 'flush-digest')
    return { kind: 'flushed', window: message.window, ...(await flushDigest(digestDeps(), message, digest)) };
  const key = message.type === 'event' ? fanOutKey(message.event.id) : pushJobKey(message);
  const outcome = await runOnce(deps.idempotency, key, leaseMs, async (): Promise<PushMessageOutcome> => {
    if (message.type === 'send-push') return { kind: 'sent', ...(await sendPushJob(deps, message, options)) };
    if (digest.windowMs > 0) return bufferNotification(digestDeps(), message.event, digest);
    return { kind: 'fanned-out', ...(await fanOutEvent(deps, message.event, options)) };
  });
  if (outcome.kind === 'ran') return outcome.result;
  deps.logger.info('duplicate push message skipped', {
    matchId: message.event.matchId,
    teamId: message.event.teamId,
    eventId: message.event.id,
    key,
  });
  return { kind: 'duplicate', key };
}
