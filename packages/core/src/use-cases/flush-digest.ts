import { ENDS_MATCH } from '@live-scores/notify';
import {
  MAX_DIGEST_EVENTS,
  wantsNotification,
  type DigestFlush,
  type NotificationEvent,
} from '@live-scores/schema';
import type { Clock } from '../ports/clock.ts';
import type { DigestBuffer } from '../ports/digest-buffer.ts';
import type { IdempotencyStore } from '../ports/idempotency.ts';
import { digestNotification } from './digest-push.ts';
import { fanOut, fanOutEvent, type FanOutDeps, type FanOutOptions } from './fan-out-event.ts';
import { runOnce } from './run-once.ts';

export interface DigestDeps extends FanOutDeps {
  digests: DigestBuffer;
  idempotency: IdempotencyStore;
  clock: Clock;
}

export interface DigestOptions extends FanOutOptions {
  /** A window's length; each event in it reaches a supporter in one push. */
  windowMs: number;
  /** The lease of a flush's idempotency claim. */
  leaseMs: number;
}

export type BufferOutcome =
  | { kind: 'buffered'; window: string; opened: boolean }
  | ({ kind: 'flushed'; window: string } & FlushReport);

export interface FlushReport {
  events: number;
  subscribers: number;
  jobs: number;
}

export const flushKey = (window: string): string => `flush:${window}`;

/**
 * An event into its match's digest window. The event that opens a window schedules its flush
 * (a push-queue message delayed by the window); a result or an abandonment, an event told
 * after one (the match is over: nothing more will join it), a full window, or one whose flush
 * is long overdue flushes at once. A redelivered event is not appended again: its window's
 * flush is scheduled again if it opened the window (the first delivery may have failed before
 * scheduling it), or run again if it ends the match; a flush already done is skipped, so
 * neither adds a push.
 */
export async function bufferNotification(
  deps: DigestDeps,
  event: NotificationEvent,
  options: DigestOptions,
): Promise<BufferOutcome> {
  const now = deps.clock.now().getTime();
  const urgent = ENDS_MATCH.has(event.kind);
  const appended = await deps.digests.append(event, { now, windowMs: options.windowMs, endsMatch: urgent });
  const { window } = appended;
  const flush: DigestFlush = { type: 'flush-digest', matchId: event.matchId, teamId: event.teamId, window };
  const due =
    urgent ||
    appended.matchEnded ||
    (appended.kind === 'appended' && appended.size >= MAX_DIGEST_EVENTS) ||
    now >= appended.dueAt + options.windowMs;
  if (due) return { kind: 'flushed', window, ...(await flushDigest(deps, flush, options)) };
  if (appended.opened)
    await deps.pushQueue.enqueueDigestFlush(flush, { delayMs: Math.max(0, appended.dueAt - now) });
  deps.logger.info('event held for the digest', {
    matchId: event.matchId,
    teamId: event.teamId,
    eventId: event.id,
    window,
    opened: appended.opened,
  });
  return { kind: 'buffered', window, opened: appended.opened };
}

/**
 * A due window out, once: it is closed and its events fanned out as ONE job set (ids from the
 * window's id, so a re-run after a crash names the same jobs and the ones sent are skipped);
 * each subscriber's push stands for the window's events its preferences want. A lone event
 * goes as its plain push. A flush that ran already is skipped.
 */
export async function flushDigest(
  deps: DigestDeps,
  flush: DigestFlush,
  options: DigestOptions,
): Promise<FlushReport> {
  const outcome = await runOnce(deps.idempotency, flushKey(flush.window), options.leaseMs, async () => {
    const events = await deps.digests.close(flush.matchId, flush.window);
    const [first] = events;
    if (first === undefined) return { events: 0, subscribers: 0, jobs: 0 };
    const sent =
      events.length === 1
        ? await fanOutEvent(deps, first, options)
        : await fanOut(
            deps,
            {
              id: flush.window,
              event: digestNotification(events),
              digest: events,
              wants: (preferences) => events.some((e) => wantsNotification(preferences, e.teamId, e.kind)),
            },
            options,
          );
    return { events: events.length, ...sent };
  });
  const report = outcome.kind === 'ran' ? outcome.result : { events: 0, subscribers: 0, jobs: 0 };
  deps.logger.info(outcome.kind === 'ran' ? 'digest flushed' : 'digest already flushed', {
    matchId: flush.matchId,
    teamId: flush.teamId,
    window: flush.window,
    ...report,
  });
  return report;
}
