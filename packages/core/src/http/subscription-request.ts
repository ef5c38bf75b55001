import { ECDH } from 'node:crypto';
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

/**
 * Whether `p256dh` is a point on P-256. Its shape is checked by the schema; a well-shaped key
 * off the curve would be stored and then fail every encryption for that subscriber.
 */
export function isP256Point(p256dh: string): boolean {
  try {
    ECDH.convertKey(Buffer.from(p256dh, 'base64url'), 'prime256v1');
    return true;
  } catch {
    return false;
  }
}

/** POST body: a full subscription whose key is a P-256 point and whose endpoint is on the allow-list. */
export function parseSubscribeBody(
  body: string | undefined,
  allowed: readonly AllowedHost[],
): Parsed<SubscriptionT> {
  const parsed = withAllowedEndpoint(parseBody<SubscriptionT>(Subscription, body), allowed);
  if (parsed.ok && !isP256Point(parsed.value.keys.p256dh))
    return { ok: false, reason: 'keys.p256dh: not a point on the P-256 curve' };
  return parsed;
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
