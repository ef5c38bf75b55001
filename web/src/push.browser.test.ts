import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import type { Subscription } from '@live-scores/schema';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureRequests, launchBrowser, type CapturedRequest } from './test-support/browser.ts';
import { matchDay } from './test-support/fixtures.ts';
import { startLiveServer, type LiveServer } from './test-support/live-server.ts';

/** What Chrome's `PushSubscription.toJSON()` gives the page. */
interface BrowserSubscription {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
}

/**
 * Headless Chromium has no push service, so the browser's push API is replaced at its
 * boundary: `subscribe` records the key it was given and returns a subscription shaped like
 * Chrome's, whose endpoint and keys belong to the loopback push receiver.
 */
function stubPushApi(subscription: BrowserSubscription): void {
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

describe('notifications in Chromium, served by the local runtime', () => {
  let dataDir: string;
  let receiver: PushReceiver;
  let device: BrowserSubscription;
  let browser: Browser;
  let server: LiveServer;
  let page: Page;
  let requests: CapturedRequest[];

  /** What the runtime's subscriptions store holds now. */
  const stored = async (): Promise<Subscription[]> =>
    (await server.runtime.system.subscriptions.listPage()).subscriptions;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'web-push-'));
    receiver = await startPushReceiver({ host: '127.0.0.1' });
    const { endpoint, keys } = receiver.createSubscription('/device-1');
    device = { endpoint, expirationTime: null, keys };
    server = await startLiveServer({
      dataDir,
      scorecards: matchDay(),
      pushHost: new URL(receiver.origin).host,
    });
    browser = await launchBrowser();
    await browser.defaultBrowserContext().overridePermissions(server.origin, ['notifications']);
    page = await browser.newPage();
    requests = captureRequests(page, '/api/subscriptions');
    await page.evaluateOnNewDocument(stubPushApi, device);
    await page.goto(server.origin, { waitUntil: 'load' });
    await page.waitForFunction(
      () => document.querySelector('.notify-form button.primary')?.textContent === 'Turn on notifications',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('subscribes with the server VAPID key, posts the subscription with every team and kind chosen, and is confirmed by a push', async () => {
    await page.click('.notify-form button.primary');
    await page.waitForFunction(
      () => document.querySelector('.notify-state')?.textContent === 'Notifications are on for this device.',
    );
    const keys = await page.evaluate(
      () => (window as unknown as { subscribeCalls: number[][] }).subscribeCalls,
    );
    expect(keys).toEqual([[...Buffer.from(server.runtime.vapidPublicKey, 'base64url')]]);
    const preferences = {
      teams: ['firstTeam', 'secondTeam', 'thirdTeam', 'sundayTeam'],
      kinds: [
        'wicket',
        'batting-milestone',
        'bowling-milestone',
        'overs',
        'innings-end',
        'result',
        'play-started',
        'innings-break',
        'abandoned',
      ],
      mode: 'everything',
    };
    expect(requests).toEqual([{ method: 'POST', body: { ...device, preferences } }]);
    expect(await stored()).toEqual([{ ...device, preferences }]);
    await receiver.waitForReceived(1, 5_000);
    expect(receiver.received.map((push) => [push.path, push.payload])).toEqual([
      [
        '/device-1',
        expect.objectContaining({
          title: 'Subscribed to 1st XI, 2nd XI, 3rd XI and Sunday XI live scores',
          tag: 'subscribed',
        }),
      ],
    ]);
  });

  it('changes the choices with a PUT and shows them again after a reload', async () => {
    await page.click('input[name="kind"][value="overs"]');
    await page.$eval('input[name="team"][value="sundayTeam"]', (input) =>
      (input as HTMLInputElement).click(),
    );
    await page.$eval('input[name="mode"][value="key-moments"]', (input) =>
      (input as HTMLInputElement).click(),
    );
    await page.click('.notify-form button.primary');
    await page.waitForFunction(
      () => document.querySelector('.notify-state')?.textContent === 'Notifications are on for this device.',
    );
    const preferences = {
      teams: ['firstTeam', 'secondTeam', 'thirdTeam'],
      kinds: [
        'wicket',
        'batting-milestone',
        'bowling-milestone',
        'innings-end',
        'result',
        'play-started',
        'innings-break',
        'abandoned',
      ],
      mode: 'key-moments',
    };
    expect(requests.at(-1)).toEqual({ method: 'PUT', body: { ...device, preferences } });
    expect((await stored()).map((s) => s.preferences)).toEqual([preferences]);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(
      () => document.querySelector('.notify-form button.primary')?.textContent === 'Save changes',
    );
    const checked = await page.$$eval('.notify-form input:checked', (inputs) =>
      inputs.map((i) => (i as HTMLInputElement).value),
    );
    expect(checked).toEqual([
      'firstTeam',
      'secondTeam',
      'thirdTeam',
      'key-moments',
      'wickets',
      'milestones',
      'results',
      'match-state',
    ]);
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
    expect(requests.at(-1)).toEqual({ method: 'DELETE', body: { endpoint: device.endpoint } });
    expect(await stored()).toEqual([]);
    expect(await stateText(page)).toBe('Notifications are off. Choose what you want to hear about.');
  });
});
