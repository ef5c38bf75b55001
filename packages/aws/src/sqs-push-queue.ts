import type { SQSClient } from '@aws-sdk/client-sqs';
import type { PushQueue } from '@live-scores/core';
import type { PushQueueMessage } from '@live-scores/schema';
import { sendAll } from './sqs-batches.ts';

/** SQS delays a message by at most 15 minutes. */
const MAX_DELAY_SECONDS = 900;

/** The push queue on SQS: events, send-push jobs and digest flushes as `PushQueueMessage` JSON. */
export function createSqsPushQueue(options: { client: SQSClient; queueUrl: string }): PushQueue {
  const send = (messages: PushQueueMessage[], delaySeconds = 0) =>
    sendAll(
      options.client,
      options.queueUrl,
      messages.map((m) => JSON.stringify(m)),
      delaySeconds,
    );
  const delaySeconds = (delayMs = 0): number => Math.min(MAX_DELAY_SECONDS, Math.ceil(delayMs / 1000));
  return {
    enqueueEvents: (events) => send(events.map((event) => ({ type: 'event', event }))),
    enqueueJobs: (jobs, opts) => send(jobs, delaySeconds(opts?.delayMs)),
    enqueueDigestFlush: (flush, opts) => send([flush], delaySeconds(opts.delayMs)),
  };
}
