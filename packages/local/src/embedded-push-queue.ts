import type { PushQueue } from '@live-scores/core';
import type { PushQueueMessage } from '@live-scores/schema';
import type { EmbeddedQueue } from './embedded-queue.ts';

/**
 * The push queue on an embedded queue. Events and jobs are journaled before `enqueue*`
 * resolves. A delayed job (a push service asked for a pause) is held by a timer and journaled
 * when the delay ends, so a restart during the pause drops that retry: acceptable locally,
 * where the alternative is holding up every other notification behind it.
 */
export function createEmbeddedPushQueue(queue: Pick<EmbeddedQueue<PushQueueMessage>, 'send'>): PushQueue {
  return {
    async enqueueEvents(events) {
      for (const event of events) await queue.send({ type: 'event', event });
    },
    async enqueueJobs(jobs, options) {
      const delayMs = options?.delayMs ?? 0;
      if (delayMs <= 0) {
        for (const job of jobs) await queue.send(job);
        return;
      }
      setTimeout(() => void Promise.all(jobs.map((job) => queue.send(job))), delayMs).unref();
    },
  };
}
