import {
  oneLineReason,
  PreferencesUpdate,
  Subscription,
  UnsubscribeRequest,
  type PreferencesUpdate as PreferencesUpdateT,
  type Subscription as SubscriptionT,
  type UnsubscribeRequest as UnsubscribeRequestT,
} from '@live-scores/schema';
import type { AllowedHost } from '../push-endpoint/allowed-hosts.ts';
import { checkPushEndpoint } from '../push-endpoint/check-endpoint.ts';

/** Larger bodies are refused before parsing: a real subscription is well under 1 KB. */
export const MAX_BODY_BYTES = 4096;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

type Schema<T> = {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: Parameters<typeof oneLineReason>[0] };
};

function parseJson(body: string | undefined): Parsed<unknown> {
  if (body === undefined || body === '') return { ok: false, reason: 'body: expected JSON' };
  if (Buffer.byteLength(body) > MAX_BODY_BYTES)
    return { ok: false, reason: `body: larger than ${MAX_BODY_BYTES} bytes` };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false, reason: 'body: invalid JSON' };
  }
}

function parseBody<T>(schema: Schema<T>, body: string | undefined): Parsed<T> {
  const json = parseJson(body);
  if (!json.ok) return json;
  const result = schema.safeParse(json.value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, reason: oneLineReason(result.error) };
}

function withAllowedEndpoint<T extends { endpoint: string }>(
  parsed: Parsed<T>,
  allowed: readonly AllowedHost[],
): Parsed<T> {
  if (!parsed.ok) return parsed;
  const check = checkPushEndpoint(parsed.value.endpoint, allowed);
  return check.ok ? parsed : { ok: false, reason: check.reason };
}

/** POST body: a full subscription whose endpoint is on the allow-list. */
export function parseSubscribeBody(
  body: string | undefined,
  allowed: readonly AllowedHost[],
): Parsed<SubscriptionT> {
  return withAllowedEndpoint(parseBody<SubscriptionT>(Subscription, body), allowed);
}

/** PUT body: `{ endpoint, preferences }` for an endpoint on the allow-list. */
export function parsePreferencesBody(
  body: string | undefined,
  allowed: readonly AllowedHost[],
): Parsed<PreferencesUpdateT> {
  return withAllowedEndpoint(parseBody<PreferencesUpdateT>(PreferencesUpdate, body), allowed);
}

/** DELETE body: `{ endpoint }`. Any well-formed URL: deleting is harmless and idempotent. */
export function parseUnsubscribeBody(body: string | undefined): Parsed<UnsubscribeRequestT> {
  return parseBody<UnsubscribeRequestT>(UnsubscribeRequest, body);
}
