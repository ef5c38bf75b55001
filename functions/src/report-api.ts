import { createRouter, reportRoutes, type Router } from '@live-scores/core';
import { reportStore } from './wiring/aws-adapters.ts';
import { configFromEnv } from './wiring/environment.ts';
import { httpApiHandler } from './wiring/http-api.ts';

function build(): Router {
  const { pageOrigins } = configFromEnv().server;
  return createRouter(reportRoutes({ reports: reportStore(), pageOrigins }), { pageOrigins });
}

/** HTTP API (payload v2) `GET /api/matches/{matchId}/report` → the stored match report, from the bucket. */
export const handler = httpApiHandler(build);
