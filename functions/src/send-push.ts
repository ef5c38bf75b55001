import { handlePushMessage, systemClock } from '@live-scores/core';
import { PushQueueMessage } from '@live-scores/schema';
import {
  digests,
  deliveryClaims,
  idempotency,
  pushMessageSettings,
  pushQueue,
  pushSender,
  subscriptions,
} from './wiring/delivery-adapters.ts';
import { functionLogger } from './wiring/logger.ts';
import { recordBody } from './wiring/record-body.ts';
import { sqsBatchHandler } from './wiring/batch-handler.ts';

const logger = functionLogger('send-push');

/**
 * The push queue: an event waits in its match's digest window (or, with the digest off, is
 * fanned out at once); a due window (its delayed flush message, or a result) is fanned out
 * into jobs of a few hundred subscriptions; a job is sent. Each is done once however often
 * SQS delivers it (idempotency records and digest windows in the rules table), and a job
 * redelivered after its invocation died skips the subscriptions it had claimed (claims in
 * the rules table too). A job still failing after its retries throws, so only that record is
 * redelivered and finally dead-lettered; so does a duplicate whose work is still running
 * elsewhere.
 */
export const handler = sqsBatchHandler(async (record) => {
  const message = recordBody(record, PushQueueMessage, 'PushQueueMessage');
  const deps = {
    sender: await pushSender(),
    subscriptions: subscriptions(),
    pushQueue: pushQueue(),
    idempotency: idempotency(),
    digests: digests(),
    clock: systemClock,
    claims: deliveryClaims(),
    logger,
  };
  return handlePushMessage(deps, message, pushMessageSettings());
});
