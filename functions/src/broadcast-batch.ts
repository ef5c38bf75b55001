import { deliverBroadcastBatch } from '@live-scores/core';
import { BroadcastBatch, oneLineReason } from '@live-scores/schema';
import { connections, connectionSender } from './wiring/delivery-adapters.ts';
import { functionLogger } from './wiring/logger.ts';
import { parseRecordBody } from './wiring/record-body.ts';
import { sqsBatchHandler } from './wiring/sqs-batch.ts';

const logger = functionLogger('broadcast-batch');

/** One slice of a large broadcast → its connections. */
export const handler = sqsBatchHandler((record) =>
  deliverBroadcastBatch(
    { connections: connections(), sender: connectionSender(), logger },
    parseRecordBody(record, BroadcastBatch, 'BroadcastBatch', oneLineReason),
  ),
);
