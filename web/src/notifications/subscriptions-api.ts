import type { Subscription, SubscriptionPreferences } from '@live-scores/schema';
import { apiUrl } from '../config/page-config.ts';

/** The body of `POST|PUT /api/subscriptions`: the browser's subscription plus the supporter's choices. */
export function subscriptionBody(
  subscription: PushSubscription,
  preferences: SubscriptionPreferences,
): Subscription {
  const json = subscription.toJSON();
  const { p256dh, auth } = json.keys ?? {};
  if (!json.endpoint || !p256dh || !auth)
    throw new Error('the browser returned a push subscription without keys');
  return {
    endpoint: json.endpoint,
    expirationTime: json.expirationTime ?? null,
    keys: { p256dh, auth },
    preferences,
  };
}

async function reasonOf(response: Response): Promise<string> {
  const text = (await response.text()).trim().slice(0, 200);
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const reason = body.error ?? body.message;
    if (typeof reason === 'string') return reason;
  } catch {
    /* not JSON: use the text as it is */
  }
  return text || `HTTP ${response.status}`;
}

/** The server's VAPID public key (`GET /api/vapid-public-key` → `{ publicKey }`). */
export async function fetchVapidPublicKey(apiBase: string): Promise<string> {
  const response = await fetch(apiUrl(apiBase, '/api/vapid-public-key'), { cache: 'no-store' });
  if (!response.ok) throw new Error(`could not get the notification key: ${await reasonOf(response)}`);
  const body = (await response.json()) as { publicKey?: unknown };
  if (typeof body.publicKey !== 'string' || !body.publicKey)
    throw new Error('the server sent no notification key');
  return body.publicKey;
}

/** Registers (POST) or updates (PUT) a subscription; throws with the server's one-line reason. */
export async function sendSubscription(
  apiBase: string,
  method: 'POST' | 'PUT',
  body: Subscription,
): Promise<void> {
  const response = await fetch(apiUrl(apiBase, '/api/subscriptions'), {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`could not save notifications: ${await reasonOf(response)}`);
}

/** Removes a subscription by its endpoint (`DELETE` with `{ endpoint }`); an unknown one counts as removed. */
export async function deleteSubscription(apiBase: string, endpoint: string): Promise<void> {
  const response = await fetch(apiUrl(apiBase, '/api/subscriptions'), {
    method: 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ endpoint }),
  });
  if (!response.ok && response.status !== 404) {
    throw new Error(`could not turn notifications off: ${await reasonOf(response)}`);
  }
}
