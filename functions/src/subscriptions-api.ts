import {
  createSubscriptionsHandler,
  resolveAllowedHosts,
  type HttpRequest,
  type HttpResponse,
} from '@live-scores/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { configFromEnv, requireEnv } from './wiring/environment.ts';
import { pushSender, subscriptions } from './wiring/delivery-adapters.ts';
import { functionLogger } from './wiring/logger.ts';

const logger = functionLogger('subscriptions-api');

let handle: Promise<(request: HttpRequest) => Promise<HttpResponse>> | undefined;

/** The shared handler, built once per execution environment. Rate limiting is API Gateway's throttling here. */
async function build(): Promise<(request: HttpRequest) => Promise<HttpResponse>> {
  const config = configFromEnv();
  return createSubscriptionsHandler(
    { subscriptions: subscriptions(), sender: await pushSender(), logger },
    {
      teams: config.teams,
      pageUrl: config.server.publicUrl ?? '/',
      allowedHosts: resolveAllowedHosts(config.push.allowedHosts, process.env.PUSH_ALLOWED_HOSTS),
      pageOrigins: config.server.pageOrigins,
      vapidPublicKey: requireEnv('VAPID_PUBLIC_KEY'),
    },
  );
}

/** HTTP API (payload v2) → the framework-free subscriptions handler → HTTP API response. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  handle ??= build().catch((error: unknown) => {
    handle = undefined;
    throw error;
  });
  const headers = Object.fromEntries(
    Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const response = await (
    await handle
  )({
    method: event.requestContext.http.method,
    path: event.rawPath,
    headers,
    body:
      event.body === undefined
        ? undefined
        : event.isBase64Encoded
          ? Buffer.from(event.body, 'base64').toString('utf8')
          : event.body,
    clientIp: event.requestContext.http.sourceIp,
  });
  return { statusCode: response.status, headers: response.headers, body: response.body };
}
