import type { SubscriptionPreferences } from '@live-scores/schema';

/** What the page remembers about its push subscription, and the worker needs to renew it. */
export interface PushSettings {
  endpoint: string;
  preferences: SubscriptionPreferences;
  /** Where the subscriptions API lives ("" = the page's origin). */
  apiBase: string;
  vapidPublicKey: string;
}

const STORAGE_KEY = 'live-scores:push';
const CACHE_NAME = 'live-scores-settings';
const CACHE_KEY = '/live-scores/push-settings';

function isPushSettings(v: unknown): v is PushSettings {
  const s = v as PushSettings | null;
  return (
    typeof s?.endpoint === 'string' &&
    typeof s.apiBase === 'string' &&
    typeof s.vapidPublicKey === 'string' &&
    typeof s.preferences === 'object' &&
    s.preferences !== null
  );
}

/**
 * Saves (or, with null, forgets) the settings in localStorage for the page and in Cache Storage
 * for the service worker, which has no localStorage but must renew the subscription on its own.
 */
export async function savePushSettings(settings: PushSettings | null): Promise<void> {
  if (typeof localStorage !== 'undefined') {
    if (settings) localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
    else localStorage.removeItem(STORAGE_KEY);
  }
  const cache = await caches.open(CACHE_NAME);
  if (settings) await cache.put(CACHE_KEY, new Response(JSON.stringify(settings)));
  else await cache.delete(CACHE_KEY);
}

/** The page's copy, read synchronously so the panel can show its state at once. */
export function storedPushSettings(): PushSettings | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return isPushSettings(value) ? value : null;
  } catch {
    return null;
  }
}

/** The worker's copy. */
export async function loadPushSettings(): Promise<PushSettings | null> {
  const response = await (await caches.open(CACHE_NAME)).match(CACHE_KEY);
  if (!response) return null;
  try {
    const value: unknown = await response.json();
    return isPushSettings(value) ? value : null;
  } catch {
    return null;
  }
}
