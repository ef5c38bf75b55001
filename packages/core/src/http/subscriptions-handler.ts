import type { AllowedHost } from '../push-endpoint/allowed-hosts.ts';
import {
  subscribe,
  unsubscribe,
  updatePreferences,
  type ManageSubscriptionsDeps,
  type ManageSubscriptionsSettings,
} from '../use-cases/manage-subscriptions.ts';
import { corsHeaders } from './cors.ts';
import { jsonResponse } from './json-response.ts';
import { parsePreferencesBody, parseSubscribeBody, parseUnsubscribeBody } from './subscription-request.ts';
import type { RateLimiter } from './token-bucket.ts';

/** A framework-free request: the Lambda (HTTP API event) and the local server both map onto it. */
export interface HttpRequest {
  method: string;
  path: string;
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
  body?: string;
  /** The caller's address as the platform saw it; the rate limiter's key. */
  clientIp?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface SubscriptionsApiSettings extends ManageSubscriptionsSettings {
  allowedHosts: readonly AllowedHost[];
  pageOrigins: readonly string[];
  vapidPublicKey: string;
}

export interface SubscriptionsApiDeps extends ManageSubscriptionsDeps {
  /** Absent where the platform throttles (API Gateway). */
  rateLimiter?: RateLimiter;
  /** New subscriptions per client address, on top of `rateLimiter` (a flood of fake subscribers). */
  creationLimiter?: RateLimiter;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'DELETE']);

function declaresJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

export const SUBSCRIPTIONS_PATH = '/api/subscriptions';
export const VAPID_KEY_PATH = '/api/vapid-public-key';

const json = (status: number, value: unknown, headers: Record<string, string>): HttpResponse =>
  jsonResponse(status, value, headers);
const empty = (status: number, headers: Record<string, string>): HttpResponse => ({
  status,
  headers,
  body: '',
});
const badRequest = (reason: string, headers: Record<string, string>): HttpResponse =>
  json(400, { error: reason }, headers);

/**
 * `/api/subscriptions` (POST 201, PUT 200, DELETE 204) and `/api/vapid-public-key`, with CORS
 * for the page origins and per-client rate limiting. Bad input → 400 `{ error }` with a
 * one-line reason, and nothing stored.
 */
export function createSubscriptionsHandler(
  deps: SubscriptionsApiDeps,
  settings: SubscriptionsApiSettings,
): (request: HttpRequest) => Promise<HttpResponse> {
  return async (request) => {
    const cors = corsHeaders(request.headers.origin, settings.pageOrigins);
    const method = request.method.toUpperCase();
    const path = request.path.replace(/\/+$/, '');

    if (path !== SUBSCRIPTIONS_PATH && path !== VAPID_KEY_PATH)
      return json(404, { error: 'not found' }, cors);
    if (method === 'OPTIONS') return empty(204, cors);

    const decision = deps.rateLimiter?.take(request.clientIp ?? 'unknown');
    if (decision && !decision.allowed) {
      return json(
        429,
        { error: 'too many requests' },
        { ...cors, 'retry-after': String(decision.retryAfterSeconds) },
      );
    }

    if (path === VAPID_KEY_PATH) {
      return method === 'GET'
        ? json(200, { publicKey: settings.vapidPublicKey }, cors)
        : json(405, { error: 'method not allowed' }, { ...cors, allow: 'GET' });
    }

    // Only JSON is read: this also refuses the `text/plain` posts a cross-site form may send
    // without a CORS preflight.
    if (BODY_METHODS.has(method) && !declaresJson(request.headers['content-type']))
      return json(415, { error: 'expected Content-Type: application/json' }, cors);

    const creation =
      method === 'POST' ? deps.creationLimiter?.take(request.clientIp ?? 'unknown') : undefined;
    if (creation && !creation.allowed)
      return json(
        429,
        { error: 'too many new subscriptions from this address' },
        { ...cors, 'retry-after': String(creation.retryAfterSeconds) },
      );

    switch (method) {
      case 'POST': {
        const parsed = parseSubscribeBody(request.body, settings.allowedHosts);
        if (!parsed.ok) return badRequest(parsed.reason, cors);
        const outcome = await subscribe(deps, parsed.value, settings);
        if (outcome.kind === 'store-full')
          return json(503, { error: outcome.reason }, { ...cors, 'retry-after': '3600' });
        return outcome.kind === 'subscribed'
          ? json(201, { subscribed: true }, cors)
          : badRequest(outcome.reason, cors);
      }
      case 'PUT': {
        const parsed = parsePreferencesBody(request.body, settings.allowedHosts);
        if (!parsed.ok) return badRequest(parsed.reason, cors);
        const outcome = await updatePreferences(deps, parsed.value);
        return outcome.kind === 'updated'
          ? json(200, { updated: true }, cors)
          : json(404, { error: 'no such subscription' }, cors);
      }
      case 'DELETE': {
        const parsed = parseUnsubscribeBody(request.body);
        if (!parsed.ok) return badRequest(parsed.reason, cors);
        await unsubscribe(deps, parsed.value);
        return empty(204, cors);
      }
      default:
        return json(405, { error: 'method not allowed' }, { ...cors, allow: 'POST, PUT, DELETE' });
    }
  };
}
