import { fanOutEvent, sendPushJob } from '@live-scores/core';
import { oneLineReason, PushQueueMessage } from '@live-scores/schema';
import { pushMessageSettings, pushQueue, pushSender, subscriptions } from './wiring/delivery-adapters.ts';
import { functionLogger } from './wiring/logger.ts';
import { parseRecordBody } from './wiring/record-body.ts';
import { sqsBatchHandler } from './wiring/sqs-batch.ts';

const logger = functionLogger('send-push');

/**
 * The push queue: an event is fanned out into jobs of a few hundred subscriptions; a job is
 * sent. A job still failing after its retries throws, so only that record is redelivered and
 * finally dead-lettered.
 */
export const handler = sqsBatchHandler(async (record) => {
  const message = parseRecordBody(record, PushQueueMessage, 'PushQueueMessage', oneLineReason);
  if (message.type === 'event') {
    return fanOutEvent({ subscriptions: subscriptions(), pushQueue: pushQueue(), logger }, message.event);
  }
  const deps = { sender: await pushSender(), subscriptions: subscriptions(), pushQueue: pushQueue(), logger };
  return sendPushJob(deps, message, pushMessageSettings());
});
