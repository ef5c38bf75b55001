import type { DigestFlush, NotificationEvent, PushJob } from '@live-scores/schema';

/**
 * The buffer between the rules and the push services. At-least-once: a resolved enqueue
 * is durable; consumers may see a message twice, which is why jobs are per subscription
 * slice and events are recorded once upstream.
 */
export interface PushQueue {
  enqueueEvents(events: NotificationEvent[]): Promise<void>;
  /** `delayMs` holds the jobs back (e.g. a push service asked to retry later). */
  enqueueJobs(jobs: PushJob[], options?: { delayMs?: number }): Promise<void>;
  /** Delivers the flush once `delayMs` has passed (a digest window's length, at most 900 s). */
  enqueueDigestFlush(flush: DigestFlush, options: { delayMs: number }): Promise<void>;
}
