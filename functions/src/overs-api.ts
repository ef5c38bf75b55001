import { createRouter, overHistoryRoutes, type Router } from '@live-scores/core';
import { overHistoryStore } from './wiring/aws-adapters.ts';
import { configFromEnv } from './wiring/environment.ts';
import { httpApiHandler } from './wiring/http-api.ts';

function build(): Router {
  const { pageOrigins } = configFromEnv().server;
  return createRouter(overHistoryRoutes({ overs: overHistoryStore(), pageOrigins }), { pageOrigins });
}

/** HTTP API (payload v2) `GET /api/matches/{matchId}/overs` → the match's over history, from the bucket. */
export const handler = httpApiHandler(build);
