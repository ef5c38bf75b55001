import { broadcastScorecard } from '@live-scores/core';
import {
  broadcastQueue,
  broadcastWatermark,
  connections,
  connectionSender,
} from './wiring/delivery-adapters.ts';
import { functionLogger } from './wiring/logger.ts';
import { scorecardFromRecord } from './wiring/record-body.ts';
import { sqsBatchHandler } from './wiring/batch-handler.ts';

const logger = functionLogger('broadcast');

/**
 * Scorecard topic → its queue → every live page (split into batches past a couple of
 * thousand). SQS reorders and redelivers, so a scorecard older than the match's last
 * broadcast is skipped rather than sent.
 */
export const handler = sqsBatchHandler((record) =>
  broadcastScorecard(
    {
      connections: connections(),
      sender: connectionSender(),
      batches: broadcastQueue(),
      watermark: broadcastWatermark(),
      logger,
    },
    scorecardFromRecord(record),
  ),
);
