import { storeScorecard } from '@live-scores/core';
import { scorecardStore, timeZone } from './wiring/aws-adapters.ts';
import { functionLogger } from './wiring/logger.ts';
import { scorecardFromRecord } from './wiring/record-body.ts';
import { sqsBatchHandler } from './wiring/batch-handler.ts';

const logger = functionLogger('store-scorecard');

/** Scorecard topic → its queue (raw delivery) → the newest scorecard per team and match in S3. */
export const handler = sqsBatchHandler((record) =>
  storeScorecard({ store: scorecardStore(), logger }, scorecardFromRecord(record), { timeZone: timeZone() }),
);
