import type { SQSClient } from '@aws-sdk/client-sqs';
import type { BroadcastQueue } from '@live-scores/core';
import { sendAll } from './sqs-batches.ts';

/** Slices of a large broadcast on SQS, as `BroadcastBatch` JSON. */
export function createSqsBroadcastQueue(options: { client: SQSClient; queueUrl: string }): BroadcastQueue {
  return {
    enqueue: (batches) =>
      sendAll(
        options.client,
        options.queueUrl,
        batches.map((b) => JSON.stringify(b)),
      ),
  };
}
