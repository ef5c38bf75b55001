import { createRouter, matchDay, scorecardRoutes, type Router } from '@live-scores/core';
import { scorecardStore } from './wiring/aws-adapters.ts';
import { configFromEnv } from './wiring/environment.ts';
import { httpApiHandler } from './wiring/http-api.ts';

function build(): Router {
  const config = configFromEnv();
  const routes = scorecardRoutes({
    store: scorecardStore(),
    today: () => matchDay(new Date(), config.schedule.timeZone),
    pageOrigins: config.server.pageOrigins,
  });
  return createRouter(routes, { pageOrigins: config.server.pageOrigins });
}

/** HTTP API (payload v2) → `/api/scorecards` and `/api/scorecards/:teamId`, read from the scorecard bucket. */
export const handler = httpApiHandler(build);
