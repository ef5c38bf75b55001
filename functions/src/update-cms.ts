import { updateCms } from '@live-scores/core';
import { cms, timeZone } from './wiring/aws-adapters.ts';
import { functionLogger } from './wiring/logger.ts';
import { scorecardFromRecord } from './wiring/record-body.ts';
import { sqsBatchHandler } from './wiring/batch-handler.ts';

const logger = functionLogger('update-cms');

/** Final scorecards only (the subscription's game-over filter policy) → the result in the CMS, once. */
export const handler = sqsBatchHandler(async (record) =>
  updateCms({ cms: await cms(), logger }, scorecardFromRecord(record), { timeZone: timeZone() }),
);
