import { findFixtures, systemClock } from '@live-scores/core';
import { createChromiumRenderedPage } from '@live-scores/scraper';
import type { ScheduledEvent } from 'aws-lambda';
import { configFromEnv } from './wiring/environment.ts';
import { fixturesTable } from './wiring/aws-adapters.ts';
import { functionLogger } from './wiring/logger.ts';

const logger = functionLogger('find-fixtures');

/** On schedule (match days) → today's club fixtures, each recorded once (a new one starts a scraper). */
export async function handler(
  _event: ScheduledEvent | Record<string, never>,
): Promise<{ found: number; recorded: string[] }> {
  const config = configFromEnv();
  const result = await findFixtures(
    {
      // One page, once: a single process, and no sandbox, which Lambda cannot host.
      page: createChromiumRenderedPage({
        singleProcess: true,
        sandbox: false,
        allowedHosts: config.scraper.allowedHosts,
        logger,
      }),
      fixtures: fixturesTable(),
      clock: systemClock,
      logger,
    },
    { timeZone: config.schedule.timeZone, league: config.league, teams: config.teams },
  );
  return { found: result.found.length, recorded: result.recorded.map((f) => f.matchId) };
}
