import { deliverBroadcastBatch } from '@live-scores/core';
import { BroadcastBatch } from '@live-scores/schema';
import { connections, connectionSender } from './wiring/delivery-adapters.ts';
import { functionLogger } from './wiring/logger.ts';
import { recordBody } from './wiring/record-body.ts';
import { sqsBatchHandler } from './wiring/batch-handler.ts';

const logger = functionLogger('broadcast-batch');

/** One slice of a large broadcast → its connections. */
export const handler = sqsBatchHandler((record) =>
  deliverBroadcastBatch(
    { connections: connections(), sender: connectionSender(), logger },
    recordBody(record, BroadcastBatch, 'BroadcastBatch'),
  ),
);
