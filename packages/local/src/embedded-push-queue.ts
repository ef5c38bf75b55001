import type { PushQueue } from '@live-scores/core';
import type { PushQueueMessage } from '@live-scores/schema';
import type { EmbeddedQueue } from './embedded-queue.ts';

/**
 * The push queue on an embedded queue. Events and jobs are journaled before `enqueue*`
 * resolves; a delayed job (a push service asked for a pause with `Retry-After`) is journaled
 * with the time it becomes due, so a restart during the pause still sends it, then; so is a
 * digest window's flush.
 */
export function createEmbeddedPushQueue(queue: Pick<EmbeddedQueue<PushQueueMessage>, 'send'>): PushQueue {
  return {
    // All sent at once, in order: the SQLite queue then journals them in one commit.
    async enqueueEvents(events) {
      await Promise.all(events.map((event) => queue.send({ type: 'event', event })));
    },
    async enqueueJobs(jobs, options) {
      const delayMs = options?.delayMs ?? 0;
      await Promise.all(jobs.map((job) => queue.send(job, { delayMs })));
    },
    async enqueueDigestFlush(flush, options) {
      await queue.send(flush, { delayMs: options.delayMs });
    },
  };
}
