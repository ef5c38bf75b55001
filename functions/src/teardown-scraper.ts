import { systemClock, teardownScraper } from '@live-scores/core';
import { fixturesTable, scraperFleet, timeZone } from './wiring/aws-adapters.ts';
import { functionLogger } from './wiring/logger.ts';
import { scorecardFromRecord } from './wiring/record-body.ts';
import { sqsBatchHandler } from './wiring/batch-handler.ts';

const logger = functionLogger('teardown-scraper');

/** Final scorecards only → mark the match complete; terminate its host when nothing it watches is live. */
export const handler = sqsBatchHandler((record) =>
  teardownScraper(
    { fixtures: fixturesTable(), fleet: scraperFleet(), clock: systemClock, logger },
    scorecardFromRecord(record),
    { timeZone: timeZone() },
  ),
);
