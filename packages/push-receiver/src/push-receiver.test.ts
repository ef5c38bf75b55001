import { createSign, generateKeyPairSync } from 'node:crypto';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPushReceiver, type PushReceiver } from './push-receiver.ts';

const vapid = webpush.generateVAPIDKeys();
const subject = 'mailto:scores@club.example';

/** A JWT signed by hand with the given claims, so each rule of the check can be broken on its own. */
function signJwt(claims: Record<string, unknown>): { token: string; key: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const key = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x!, 'base64url'),
    Buffer.from(jwk.y!, 'base64url'),
  ]).toString('base64url');
  const head = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'ES256' })).toString('base64url');
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createSign('sha256')
    .update(`${head}.${body}`)
    .sign({ key: privateKey, dsaEncoding: 'ieee-p1363' });
  return { token: `${head}.${body}.${signature.toString('base64url')}`, key };
}

describe('the loopback push receiver', () => {
  let receiver: PushReceiver;
  beforeAll(async () => {
    receiver = await startPushReceiver();
  });
  afterAll(() => receiver.close());

  async function post(
    path: string,
    headers: Record<string, string>,
    body: Uint8Array<ArrayBuffer> = new Uint8Array(),
  ): Promise<number> {
    const response = await fetch(`${receiver.origin}${path}`, { method: 'POST', headers, body });
    return response.status;
  }

  const now = () => Math.floor(Date.now() / 1000);

  it('accepts and decrypts what web-push sends, recording TTL, Urgency and Topic', async () => {
    const subscription = receiver.createSubscription('/r/ok');
    // web-push's own sendNotification speaks https only; send the request it builds over http.
    const details = webpush.generateRequestDetails(subscription, JSON.stringify({ title: 'Six!' }), {
      vapidDetails: { subject, ...vapid },
      TTL: 60,
      urgency: 'low',
      topic: 'match-6123456',
    });
    const status = await post(
      '/r/ok',
      details.headers as Record<string, string>,
      new Uint8Array(details.body as Buffer),
    );
    expect(status).toBe(201);
    expect(receiver.received.at(-1)).toMatchObject({
      path: '/r/ok',
      payload: { title: 'Six!' },
      ttl: 60,
      urgency: 'low',
      topic: 'match-6123456',
    });
  });

  it.each([
    [
      'a JWT for another origin',
      () => signJwt({ aud: 'https://fcm.googleapis.com', exp: now() + 600, sub: subject }),
      'JWT aud https://fcm.googleapis.com is not',
    ],
    ['an expired JWT', () => signJwt({ aud: receiver.origin, exp: now() - 1, sub: subject }), 'JWT expired'],
    [
      'a JWT valid for more than 24 hours',
      () => signJwt({ aud: receiver.origin, exp: now() + 25 * 3600, sub: subject }),
      'JWT exp more than 24 hours ahead',
    ],
    ['a JWT without a contact', () => signJwt({ aud: receiver.origin, exp: now() + 600 }), 'JWT sub missing'],
    [
      'a JWT signed by another key',
      () => ({ ...signJwt({ aud: receiver.origin, exp: now() + 600, sub: subject }), key: vapid.publicKey }),
      'JWT signature does not verify against k=',
    ],
  ])('refuses %s with 403', async (_name, make, reason) => {
    receiver.createSubscription('/r/jwt');
    const { token, key } = make();
    expect(await post('/r/jwt', { TTL: '60', Authorization: `vapid t=${token}, k=${key}` })).toBe(403);
    expect(receiver.refused.at(-1)?.reason).toContain(reason);
  });

  it('refuses a push without TTL (400) or without VAPID (401), and an unknown endpoint (404)', async () => {
    receiver.createSubscription('/r/headers');
    const { token, key } = signJwt({ aud: receiver.origin, exp: now() + 600, sub: subject });
    expect(await post('/r/headers', { Authorization: `vapid t=${token}, k=${key}` })).toBe(400);
    expect(await post('/r/headers', { TTL: '60' })).toBe(401);
    expect(await post('/r/none', { TTL: '60' })).toBe(404);
  });

  it('answers as its mode says for the given number of requests, then accepts again', async () => {
    receiver.createSubscription('/r/busy');
    receiver.setMode('/r/busy', { status: 429, retryAfterSeconds: 3, times: 2 });
    const { token, key } = signJwt({ aud: receiver.origin, exp: now() + 600, sub: subject });
    const headers = { TTL: '60', Authorization: `vapid t=${token}, k=${key}` };
    const first = await fetch(`${receiver.origin}/r/busy`, { method: 'POST', headers });
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '3']);
    expect(await post('/r/busy', headers)).toBe(429);
    expect(await post('/r/busy', headers)).toBe(201);
  });
});
