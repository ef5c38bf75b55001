import { reportResponse } from '@live-scores/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { reportStore } from './wiring/aws-adapters.ts';
import { configFromEnv } from './wiring/environment.ts';

/** HTTP API (payload v2) `GET /api/matches/{matchId}/report` → the shared report handler. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const origin = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'origin')?.[1];
  const response = await reportResponse(
    { method: event.requestContext.http.method, path: event.rawPath, headers: { origin } },
    { reports: reportStore(), pageOrigins: configFromEnv().server.pageOrigins },
  );
  return { statusCode: response.status, headers: response.headers, body: response.body };
}
