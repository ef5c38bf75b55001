import { parseScorecard } from '@live-scores/core';
import { htmlObjectReader, scorecardTopic } from './wiring/aws-adapters.ts';
import { htmlMessageFromRecord } from './wiring/html-message.ts';
import { functionLogger } from './wiring/logger.ts';
import { sqsBatchHandler } from './wiring/batch-handler.ts';

const logger = functionLogger('parse-scorecard');

/**
 * Html queue → parse → scorecard topic. A page that does not parse fails only its own
 * record: it is retried, then dead-lettered, with the reason logged; the rest of the
 * batch is published and not run again.
 */
export const handler = sqsBatchHandler(async (record) =>
  parseScorecard(
    { topic: scorecardTopic(), logger },
    await htmlMessageFromRecord(record, htmlObjectReader(), logger),
  ),
);
