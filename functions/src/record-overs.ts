import { recordOvers } from '@live-scores/core';
import { overHistoryStore } from './wiring/aws-adapters.ts';
import { broadcastQueue, connections, connectionSender } from './wiring/delivery-adapters.ts';
import { functionLogger } from './wiring/logger.ts';
import { scorecardFromRecord } from './wiring/record-body.ts';
import { sqsBatchHandler } from './wiring/batch-handler.ts';

const logger = functionLogger('record-overs');

/**
 * Scorecard topic → its queue → the match's over history in S3 (conditional puts, so
 * concurrent invocations fold onto each other's progress) → every live page when it moved
 * on, split into batches for a large audience like the scorecard broadcast. A batch's records
 * run in order: most are of the same match, and at once they would only contend.
 */
export const handler = sqsBatchHandler(
  (record) =>
    recordOvers(
      {
        store: overHistoryStore(),
        connections: connections(),
        sender: connectionSender(),
        batches: broadcastQueue(),
        logger,
      },
      scorecardFromRecord(record),
    ),
  { inOrder: true },
);
