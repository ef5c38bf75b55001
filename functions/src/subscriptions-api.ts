import {
  createRouter,
  createSubscriptionsHandler,
  resolveAllowedHosts,
  subscriptionRoutes,
  type Router,
} from '@live-scores/core';
import { configFromEnv, requireEnv } from './wiring/environment.ts';
import { pushSender, subscriptions } from './wiring/delivery-adapters.ts';
import { httpApiHandler } from './wiring/http-api.ts';
import { functionLogger } from './wiring/logger.ts';

const logger = functionLogger('subscriptions-api');

/** The shared handler behind the page's routes. Rate limiting is API Gateway's throttling here. */
async function build(): Promise<Router> {
  const config = configFromEnv();
  const handle = createSubscriptionsHandler(
    { subscriptions: subscriptions(), sender: await pushSender(), logger },
    {
      teams: config.teams,
      pageUrl: config.server.publicUrl ?? '/',
      allowedHosts: resolveAllowedHosts(config.push.allowedHosts, process.env.PUSH_ALLOWED_HOSTS),
      pageOrigins: config.server.pageOrigins,
      vapidPublicKey: requireEnv('VAPID_PUBLIC_KEY'),
    },
  );
  return createRouter(subscriptionRoutes(handle), { pageOrigins: config.server.pageOrigins });
}

/** HTTP API (payload v2) → `/api/subscriptions` and `/api/vapid-public-key`. */
export const handler = httpApiHandler(build);
