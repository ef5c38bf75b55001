import { base64UrlToBytes } from './notifications/base64url.ts';
import { loadPushSettings, savePushSettings } from './notifications/push-settings.ts';
import { deleteSubscription, sendSubscription, subscriptionBody } from './notifications/subscriptions-api.ts';
import { notificationForPush, tabForUrl } from './worker/push-notification.ts';
import type { PushSubscriptionChangeEvent, ServiceWorkerScope } from './worker/worker-types.ts';

/*
 * The supporters' page service worker: shows pushed scores, opens the page when one is
 * tapped, and renews the push subscription when the push service rotates it. It caches no
 * pages: scores must always come from the network.
 */

const worker = self as unknown as ServiceWorkerScope;
const here = (path: string) => new URL(path, worker.location.href).href;

worker.addEventListener('install', () => void worker.skipWaiting());
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('push', (event) => {
  const { title, options } = notificationForPush(event.data?.text() ?? null, {
    icon: here('icons/icon-192.png'),
    badge: here('icons/badge-96.png'),
    pageUrl: here('./'),
  });
  event.waitUntil(worker.registration.showNotification(title, options));
});

worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: string } | null)?.url ?? here('./');
  event.waitUntil(
    (async () => {
      const tabs = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const tab = tabForUrl(tabs, url);
      if (!tab) return void (await worker.clients.openWindow(url));
      await tab.focus();
      tab.postMessage({ type: 'show-match', url });
    })(),
  );
});

/** The push service replaced the subscription: subscribe again with the same key and tell the server. */
async function renewSubscription(event: PushSubscriptionChangeEvent): Promise<void> {
  const settings = await loadPushSettings();
  if (!settings) return;
  const subscription =
    event.newSubscription ??
    (await worker.registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(settings.vapidPublicKey),
    }));
  const body = subscriptionBody(subscription, settings.preferences);
  const oldEndpoint = event.oldSubscription?.endpoint ?? settings.endpoint;
  if (oldEndpoint && oldEndpoint !== subscription.endpoint) {
    await sendSubscription(settings.apiBase, 'POST', body);
    await deleteSubscription(settings.apiBase, oldEndpoint).catch(() => undefined);
  } else {
    await sendSubscription(settings.apiBase, 'PUT', body);
  }
  await savePushSettings({ ...settings, endpoint: subscription.endpoint });
}

worker.addEventListener('pushsubscriptionchange', (event) => event.waitUntil(renewSubscription(event)));
