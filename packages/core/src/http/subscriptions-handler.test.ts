import { createMemorySubscriptionStore } from '@live-scores/local';
import { createWebPushSender, generateVapidKeys, type WebPushSender } from '@live-scores/push';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import { DEFAULT_PUSH_HOSTS } from '@live-scores/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import type { SubscriptionStore } from '../ports/subscriptions.ts';
import { parseAllowedHosts } from '../push-endpoint/allowed-hosts.ts';
import { createSubscriptionsHandler, type HttpRequest } from './subscriptions-handler.ts';
import { createTokenBucketLimiter } from './token-bucket.ts';

const vapid = { subject: 'mailto:scores@club.example', ...generateVapidKeys() };
const PAGE = 'https://www.club.example';
const teams = [
  { id: 'firstTeam', label: '1st XI' },
  { id: 'secondTeam', label: '2nd XI' },
];

describe('the subscriptions API', () => {
  let receiver: PushReceiver;
  let sender: WebPushSender;
  let store: SubscriptionStore;
  let handle: (
    request: HttpRequest,
  ) => Promise<{ status: number; headers: Record<string, string>; body: string }>;

  beforeAll(async () => {
    receiver = await startPushReceiver();
    sender = createWebPushSender({ vapid });
  });
  afterAll(async () => {
    await sender.close();
    await receiver.close();
  });
  beforeEach(() => {
    store = createMemorySubscriptionStore();
    handle = createSubscriptionsHandler(
      {
        subscriptions: store,
        sender,
        logger: createMemoryLogger(),
        rateLimiter: createTokenBucketLimiter({ capacity: 50, refillPerSecond: 1 }),
      },
      {
        teams,
        pageUrl: `${PAGE}/scores`,
        allowedHosts: parseAllowedHosts([...DEFAULT_PUSH_HOSTS, new URL(receiver.origin).host]),
        pageOrigins: [PAGE],
        vapidPublicKey: vapid.publicKey,
      },
    );
  });

  const request = (method: string, body?: unknown, extra: Partial<HttpRequest> = {}): HttpRequest => ({
    method,
    path: '/api/subscriptions',
    headers: { origin: PAGE, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    clientIp: '203.0.113.7',
    ...extra,
  });
  const stored = async () => (await store.listPage()).subscriptions;
  const browserSubscription = (path: string) => {
    const { endpoint, keys } = receiver.createSubscription(path);
    return { endpoint, keys };
  };

  it('creates a subscription (201) and sends a confirmation push naming the chosen teams', async () => {
    const subscription = {
      ...browserSubscription('/api/new'),
      preferences: { teams: ['firstTeam', 'secondTeam'] },
    };
    const response = await handle(request('POST', subscription));
    expect(response.status).toBe(201);
    expect(response.headers['access-control-allow-origin']).toBe(PAGE);
    expect(await stored()).toEqual([subscription]);
    const confirmation = receiver.received.find((r) => r.path === '/api/new');
    expect(confirmation?.payload).toMatchObject({
      title: 'Subscribed to 1st XI and 2nd XI live scores',
      kind: 'subscribed',
    });
  });

  it('replaces a subscription posted again for the same endpoint', async () => {
    const subscription = browserSubscription('/api/again');
    await handle(request('POST', { ...subscription, preferences: { teams: ['firstTeam'] } }));
    await handle(request('POST', { ...subscription, preferences: { teams: ['secondTeam'] } }));
    expect((await stored()).map((s) => s.preferences)).toEqual([{ teams: ['secondTeam'] }]);
  });

  it('updates preferences (200), and answers 404 for an endpoint it does not know', async () => {
    const subscription = browserSubscription('/api/update');
    await handle(request('POST', subscription));
    const update = await handle(
      request('PUT', { endpoint: subscription.endpoint, preferences: { kinds: ['result'] } }),
    );
    expect(update.status).toBe(200);
    expect((await stored())[0]?.preferences).toEqual({ kinds: ['result'] });
    const unknown = await handle(
      request('PUT', { endpoint: `${receiver.origin}/api/unknown`, preferences: {} }),
    );
    expect(unknown.status).toBe(404);
  });

  it('changes the mode later, like the teams, and refuses an unknown one with a reason', async () => {
    const subscription = browserSubscription('/api/mode');
    await handle(request('POST', { ...subscription, preferences: { mode: 'key-moments' } }));
    expect((await stored())[0]?.preferences).toEqual({ mode: 'key-moments' });
    const quieter = await handle(
      request('PUT', { endpoint: subscription.endpoint, preferences: { mode: 'results-only' } }),
    );
    expect(quieter.status).toBe(200);
    expect((await stored())[0]?.preferences).toEqual({ mode: 'results-only' });
    const bad = await handle(
      request('PUT', { endpoint: subscription.endpoint, preferences: { mode: 'sometimes' } }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/^preferences\.mode: /);
    expect((await stored())[0]?.preferences).toEqual({ mode: 'results-only' });
  });

  it('deletes (204) and deletes again without complaint', async () => {
    const subscription = browserSubscription('/api/delete');
    await handle(request('POST', subscription));
    expect((await handle(request('DELETE', { endpoint: subscription.endpoint }))).status).toBe(204);
    expect((await handle(request('DELETE', { endpoint: subscription.endpoint }))).status).toBe(204);
    expect(await stored()).toEqual([]);
  });

  it('refuses a subscription whose push service says it does not exist, and keeps nothing', async () => {
    const subscription = browserSubscription('/api/gone');
    receiver.setMode('/api/gone', { status: 410 });
    const response = await handle(request('POST', subscription));
    expect([response.status, JSON.parse(response.body)]).toEqual([
      400,
      { error: 'endpoint: the push service says this subscription does not exist' },
    ]);
    expect(await stored()).toEqual([]);
  });

  it('serves the VAPID public key', async () => {
    const response = await handle({ ...request('GET'), path: '/api/vapid-public-key' });
    expect([response.status, JSON.parse(response.body)]).toEqual([200, { publicKey: vapid.publicKey }]);
  });

  describe('refuses hostile and broken input with a one-line reason and stores nothing', () => {
    const valid = () => browserSubscription('/api/hostile');
    it.each([
      ['invalid JSON', () => '{"endpoint": ', 'body: invalid JSON'],
      ['a body over 4 KB', () => ({ ...valid(), padding: 'x'.repeat(5000) }), 'body: larger than 4096 bytes'],
      [
        'a short p256dh key',
        () => ({ ...valid(), keys: { ...valid().keys, p256dh: 'BAAA' } }),
        'keys.p256dh: expected keys.p256dh: base64url of a 65-byte uncompressed P-256 point',
      ],
      [
        'an auth secret of the wrong length',
        () => ({ ...valid(), keys: { ...valid().keys, auth: 'AAAA' } }),
        'keys.auth: expected keys.auth: base64url of 16 bytes',
      ],
      [
        'an http endpoint',
        () => ({ ...valid(), endpoint: 'http://fcm.googleapis.com/fcm/send/x' }),
        'endpoint: must be an https URL',
      ],
      [
        'a host off the allow-list',
        () => ({ ...valid(), endpoint: 'https://attacker.example/x' }),
        'endpoint: attacker.example is not a known push service',
      ],
      [
        'an IP literal',
        () => ({ ...valid(), endpoint: 'https://10.0.0.5/x' }),
        'endpoint: IP addresses are not allowed',
      ],
      [
        'credentials in the URL',
        () => ({ ...valid(), endpoint: 'https://a:b@fcm.googleapis.com/x' }),
        'endpoint: credentials are not allowed in the URL',
      ],
      [
        'an odd port',
        () => ({ ...valid(), endpoint: 'https://fcm.googleapis.com:444/x' }),
        'endpoint: port 444 is not allowed',
      ],
      [
        'an unknown team',
        () => ({ ...valid(), preferences: { teams: ['bad team!'] } }),
        'preferences.teams[0]: expected a team id of letters, digits, "-" or "_", e.g. "firstTeam"',
      ],
    ])('%s', async (_name, body, reason) => {
      const response = await handle(request('POST', body()));
      expect([response.status, JSON.parse(response.body)]).toEqual([400, { error: reason }]);
      expect(await stored()).toEqual([]);
    });
  });

  it('answers a preflight from a page origin, and grants no CORS to another origin', async () => {
    const preflight = await handle(request('OPTIONS'));
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('DELETE');
    const foreign = await handle(
      request('OPTIONS', undefined, { headers: { origin: 'https://evil.example' } }),
    );
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits each client to its bucket and tells it when to come back', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 52; i++)
      statuses.push((await handle({ ...request('GET'), path: '/api/vapid-public-key' })).status);
    expect(statuses.slice(0, 50).every((s) => s === 200)).toBe(true);
    const limited = await handle({ ...request('GET'), path: '/api/vapid-public-key' });
    expect([limited.status, limited.headers['retry-after']]).toEqual([429, '1']);
    const other = await handle({
      ...request('GET'),
      path: '/api/vapid-public-key',
      clientIp: '198.51.100.2',
    });
    expect(other.status).toBe(200);
  });

  it('reads only bodies declared as JSON (415), so a cross-site text/plain post gets nowhere', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      for (const headers of [{ 'content-type': 'text/plain' }, {}, { 'content-type': 'application/jsonx' }]) {
        const response = await handle(request(method, browserSubscription('/api/typed'), { headers }));
        expect([response.status, JSON.parse(response.body)]).toEqual([
          415,
          { error: 'expected Content-Type: application/json' },
        ]);
      }
    }
    const charset = await handle(
      request('POST', browserSubscription('/api/typed'), {
        headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      }),
    );
    expect(charset.status).toBe(201);
  });

  it('refuses a p256dh that is well formed but not on the curve, storing nothing', async () => {
    const { endpoint, keys } = browserSubscription('/api/off-curve');
    const offCurve = Buffer.from(keys.p256dh, 'base64url');
    offCurve[64] = offCurve[64]! ^ 1;
    const response = await handle(
      request('POST', { endpoint, keys: { ...keys, p256dh: offCurve.toString('base64url') } }),
    );
    expect([response.status, JSON.parse(response.body)]).toEqual([
      400,
      { error: 'keys.p256dh: not a point on the P-256 curve' },
    ]);
    expect(await stored()).toEqual([]);
  });

  it('answers 503 once the store is full, while existing subscribers can still change theirs', async () => {
    const full = createSubscriptionsHandler(
      {
        subscriptions: createMemorySubscriptionStore({ maxSubscriptions: 1 }),
        sender,
        logger: createMemoryLogger(),
      },
      {
        teams,
        pageUrl: PAGE,
        allowedHosts: parseAllowedHosts([new URL(receiver.origin).host]),
        pageOrigins: [PAGE],
        vapidPublicKey: vapid.publicKey,
      },
    );
    const first = browserSubscription('/api/first');
    expect((await full(request('POST', first))).status).toBe(201);
    const refused = await full(request('POST', browserSubscription('/api/second')));
    expect([refused.status, JSON.parse(refused.body)]).toEqual([
      503,
      { error: 'not taking new subscriptions at the moment' },
    ]);
    expect((await full(request('POST', { ...first, preferences: { teams: ['firstTeam'] } }))).status).toBe(
      201,
    );
  });

  it('limits how many subscriptions one address creates, apart from its other requests', async () => {
    const limited = createSubscriptionsHandler(
      {
        subscriptions: store,
        sender,
        logger: createMemoryLogger(),
        creationLimiter: createTokenBucketLimiter({ capacity: 2, refillPerSecond: 1 / 30 }),
      },
      {
        teams,
        pageUrl: PAGE,
        allowedHosts: parseAllowedHosts([new URL(receiver.origin).host]),
        pageOrigins: [PAGE],
        vapidPublicKey: vapid.publicKey,
      },
    );
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await limited(request('POST', browserSubscription(`/api/c${i}`)))).status);
    expect(statuses).toEqual([201, 201, 429]);
    const put = await limited(request('PUT', { endpoint: browserSubscription('/api/c0').endpoint }));
    expect(put.status).toBe(200);
    const elsewhere = await limited(
      request('POST', browserSubscription('/api/c3'), { clientIp: '198.51.100.9' }),
    );
    expect(elsewhere.status).toBe(201);
  });
});
