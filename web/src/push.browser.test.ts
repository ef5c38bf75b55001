import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './test-support/browser.ts';
import { TEAMS, matchDay } from './test-support/fixtures.ts';
import { startTestServer, type TestServer } from './test-support/test-server.ts';

const VAPID_PUBLIC_KEY = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url');
const FAKE_SUBSCRIPTION = {
  endpoint: 'https://fcm.googleapis.com/fcm/send/test-device-1',
  expirationTime: null,
  keys: {
    p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 9)]).toString('base64url'),
    auth: Buffer.alloc(16, 5).toString('base64url'),
  },
};

/**
 * No push service is reachable from here, so the browser's push API is replaced at its
 * boundary: `subscribe` records the key it was given and returns a subscription shaped like Chrome's.
 */
function stubPushApi(subscription: typeof FAKE_SUBSCRIPTION): void {
  const calls: number[][] = [];
  // Like a real subscription, it outlives a reload (sessionStorage stands in for the browser's store).
  const fake = {
    ...subscription,
    options: { applicationServerKey: null },
    toJSON: () => subscription,
    unsubscribe: async () => (sessionStorage.removeItem('subscribed'), true),
  };
  Object.assign(window, { subscribeCalls: calls });
  // Chromium's headless shell denies notifications outright; the supporter's "Allow" is simulated here.
  Object.defineProperty(Notification, 'permission', { get: () => 'granted' });
  Notification.requestPermission = async () => 'granted';
  PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
    calls.push([...new Uint8Array(options?.applicationServerKey as ArrayBuffer)]);
    sessionStorage.setItem('subscribed', 'yes');
    return fake as unknown as PushSubscription;
  };
  PushManager.prototype.getSubscription = async () =>
    (sessionStorage.getItem('subscribed') ? fake : null) as PushSubscription | null;
}

const stateText = (page: Page) => page.$eval('.notify-state', (el) => el.textContent);

describe('notifications in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({
      scorecards: matchDay(),
      pageConfig: { teams: TEAMS },
      vapidPublicKey: VAPID_PUBLIC_KEY,
    });
    browser = await launchBrowser();
    await browser.defaultBrowserContext().overridePermissions(server.origin, ['notifications']);
    page = await browser.newPage();
    await page.evaluateOnNewDocument(stubPushApi, FAKE_SUBSCRIPTION);
    await page.goto(server.origin, { waitUntil: 'load' });
    await page.waitForFunction(
      () => document.querySelector('.notify-form button.primary')?.textContent === 'Turn on notifications',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('subscribes with the server VAPID key and posts the subscription with every team and kind chosen', async () => {
    await page.click('.notify-form button.primary');
    await page.waitForFunction(
      () => document.querySelector('.notify-state')?.textContent === 'Notifications are on for this device.',
    );
    const keys = await page.evaluate(
      () => (window as unknown as { subscribeCalls: number[][] }).subscribeCalls,
    );
    expect(keys).toEqual([[...Buffer.from(VAPID_PUBLIC_KEY, 'base64url')]]);
    expect(server.subscriptionRequests).toEqual([
      {
        method: 'POST',
        body: {
          ...FAKE_SUBSCRIPTION,
          preferences: {
            teams: ['firstTeam', 'secondTeam', 'thirdTeam', 'sundayTeam'],
            kinds: ['wicket', 'batting-milestone', 'bowling-milestone', 'overs', 'innings-end', 'result'],
          },
        },
      },
    ]);
  });

  it('changes the choices with a PUT and shows them again after a reload', async () => {
    await page.click('input[name="kind"][value="overs"]');
    await page.click('input[name="team"][value="sundayTeam"]');
    await page.click('.notify-form button.primary');
    await page.waitForFunction(
      () => document.querySelector('.notify-state')?.textContent === 'Notifications are on for this device.',
    );
    expect(server.subscriptionRequests.at(-1)).toEqual({
      method: 'PUT',
      body: {
        ...FAKE_SUBSCRIPTION,
        preferences: {
          teams: ['firstTeam', 'secondTeam', 'thirdTeam'],
          kinds: ['wicket', 'batting-milestone', 'bowling-milestone', 'innings-end', 'result'],
        },
      },
    });
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(
      () => document.querySelector('.notify-form button.primary')?.textContent === 'Save changes',
    );
    const checked = await page.$$eval('.notify-form input:checked', (inputs) =>
      inputs.map((i) => (i as HTMLInputElement).value),
    );
    expect(checked).toEqual(['firstTeam', 'secondTeam', 'thirdTeam', 'wickets', 'milestones', 'results']);
  });

  it('shows a delivered push as a notification tagged per match and kind, linking to the match', async () => {
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().endsWith('/sw.js'),
    );
    const worker = (await target.worker()) as WebWorker;
    // Test-only instrumentation: record what the worker passes to showNotification.
    await worker.evaluate(() => {
      const scope = self as unknown as { registration: ServiceWorkerRegistration; shown: unknown[] };
      const show = scope.registration.showNotification.bind(scope.registration);
      scope.shown = [];
      scope.registration.showNotification = (title, options) => {
        scope.shown.push({ title, options });
        return show(title, options);
      };
    });
    const session = await page.createCDPSession();
    const registrationId = new Promise<string>((resolve) =>
      session.on('ServiceWorker.workerRegistrationUpdated', (event) => {
        const found = event.registrations.find((r) => r.scopeURL === `${server.origin}/`);
        if (found) resolve(found.registrationId);
      }),
    );
    await session.send('ServiceWorker.enable');
    const payload = {
      title: 'Wicket! Cleckheaton 148/7',
      body: 'T Priestley b H Brook 24',
      tag: '6123456-wicket',
      url: '/?match=6123456',
      matchId: '6123456',
      kind: 'wicket',
    };
    await session.send('ServiceWorker.deliverPushMessage', {
      origin: server.origin,
      registrationId: await registrationId,
      data: JSON.stringify(payload),
    });
    let shown: unknown[] = [];
    for (let tries = 0; tries < 100 && shown.length === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      shown = await worker.evaluate(() => (self as unknown as { shown: unknown[] }).shown);
    }
    expect(shown).toEqual([
      {
        title: 'Wicket! Cleckheaton 148/7',
        options: {
          body: 'T Priestley b H Brook 24',
          tag: '6123456-wicket',
          icon: `${server.origin}/icons/icon-192.png`,
          badge: `${server.origin}/icons/badge-96.png`,
          data: { url: `${server.origin}/?match=6123456` },
        },
      },
    ]);
    // registration.getNotifications() stays empty here: Chromium's headless shell refuses to
    // display notifications at all, so the arguments above are the observable result.
  });

  it('turns notifications off with a DELETE naming the endpoint', async () => {
    await page.click('.notify-form button.secondary');
    await page.waitForFunction(
      () => document.querySelector('.notify-form button.primary')?.textContent === 'Turn on notifications',
    );
    expect(server.subscriptionRequests.at(-1)).toEqual({
      method: 'DELETE',
      body: { endpoint: FAKE_SUBSCRIPTION.endpoint },
    });
    expect(await stateText(page)).toBe('Notifications are off. Choose what you want to hear about.');
  });
});
