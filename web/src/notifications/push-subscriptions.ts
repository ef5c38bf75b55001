import type { SubscriptionPreferences } from '@live-scores/schema';
import { base64UrlToBytes } from './base64url.ts';
import { savePushSettings, storedPushSettings } from './push-settings.ts';
import {
  deleteSubscription,
  fetchVapidPublicKey,
  sendSubscription,
  subscriptionBody,
} from './subscriptions-api.ts';

export interface PushState {
  /** The browser holds a subscription the server was told about. */
  subscribed: boolean;
  preferences: SubscriptionPreferences | null;
}

function sameKey(subscription: PushSubscription, key: Uint8Array): boolean {
  const current = subscription.options?.applicationServerKey;
  if (!current) return true;
  const bytes = new Uint8Array(current);
  return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
}

/**
 * Turning notifications on, changing what they cover, and turning them off: the browser's push
 * subscription, the server's copy (`/api/subscriptions`) and the remembered choices kept in step.
 */
export class PushSubscriptions {
  constructor(
    readonly apiBase: string,
    readonly configuredKey: string | null,
    readonly registration: () => Promise<ServiceWorkerRegistration>,
  ) {}

  async state(): Promise<PushState> {
    const settings = storedPushSettings();
    const subscription = await (await this.registration()).pushManager.getSubscription();
    const subscribed = !!subscription && !!settings && subscription.endpoint === settings.endpoint;
    return { subscribed, preferences: subscribed ? (settings?.preferences ?? null) : null };
  }

  async subscribe(preferences: SubscriptionPreferences): Promise<void> {
    const permission = await Notification.requestPermission();
    if (permission !== 'granted')
      throw new Error('notifications are blocked for this site in the browser settings');
    const vapidPublicKey = this.configuredKey ?? (await fetchVapidPublicKey(this.apiBase));
    const key = base64UrlToBytes(vapidPublicKey);
    const pushManager = (await this.registration()).pushManager;
    let subscription = await pushManager.getSubscription();
    if (subscription && !sameKey(subscription, key)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    await sendSubscription(this.apiBase, 'POST', subscriptionBody(subscription, preferences));
    await savePushSettings({
      endpoint: subscription.endpoint,
      preferences,
      apiBase: this.apiBase,
      vapidPublicKey,
    });
  }

  async change(preferences: SubscriptionPreferences): Promise<void> {
    const settings = storedPushSettings();
    const subscription = await (await this.registration()).pushManager.getSubscription();
    if (!subscription || !settings) return this.subscribe(preferences);
    await sendSubscription(this.apiBase, 'PUT', subscriptionBody(subscription, preferences));
    await savePushSettings({ ...settings, endpoint: subscription.endpoint, preferences });
  }

  async unsubscribe(): Promise<void> {
    const subscription = await (await this.registration()).pushManager.getSubscription();
    const endpoint = subscription?.endpoint ?? storedPushSettings()?.endpoint;
    if (endpoint) await deleteSubscription(this.apiBase, endpoint);
    await subscription?.unsubscribe();
    await savePushSettings(null);
  }
}
