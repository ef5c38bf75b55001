import { reportNamingFor, systemClock, writeMatchReport } from '@live-scores/core';
import { cms, reportModel, reportStore, timeZone } from './wiring/aws-adapters.ts';
import { configFromEnv } from './wiring/environment.ts';
import { functionLogger } from './wiring/logger.ts';
import { scorecardFromRecord } from './wiring/record-body.ts';
import { sqsBatchHandler } from './wiring/batch-handler.ts';

const logger = functionLogger('match-report');

/** Final scorecards only (the game-over filter policy) → the match report, stored once and sent to the CMS. */
export const handler = sqsBatchHandler(async (record) => {
  const scorecard = scorecardFromRecord(record);
  return writeMatchReport(
    { reports: reportStore(), model: await reportModel(), cms: await cms(), clock: systemClock, logger },
    scorecard,
    { naming: reportNamingFor(configFromEnv(), scorecard.teamId), timeZone: timeZone() },
  );
});
