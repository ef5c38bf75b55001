import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PushMessage } from '@live-scores/core';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVapidKeys } from './vapid-authorizer.ts';
import { createWebPushSender, type WebPushSender } from './web-push-sender.ts';

const vapid = { subject: 'mailto:scores@club.example', ...generateVapidKeys() };

const wicket: PushMessage = {
  payload: {
    title: '1st XI: wicket',
    body: 'Smith ct Jones b Brown 34 — Cleckheaton 120 for 3',
    tag: '6123456-wicket',
    url: '/?match=6123456',
    matchId: '6123456',
    kind: 'wicket',
  },
  ttlSeconds: 1800,
  urgency: 'high',
  topic: '6123456-wicket',
};

describe('the pooled web-push sender against a loopback push service over http', () => {
  let receiver: PushReceiver;
  let sender: WebPushSender;
  beforeAll(async () => {
    receiver = await startPushReceiver();
    sender = createWebPushSender({ vapid, maxSockets: 4 });
  });
  afterAll(async () => {
    await sender.close();
    await receiver.close();
  });

  it('delivers a payload the receiver decrypts to exactly what was sent, with TTL, Urgency and Topic', async () => {
    const subscription = receiver.createSubscription('/push/decrypt');
    expect(await sender.send(subscription, wicket)).toEqual({ kind: 'delivered' });
    const push = receiver.received.find((r) => r.path === '/push/decrypt');
    expect(push?.payload).toEqual(wicket.payload);
    expect(push?.ttl).toBe(1800);
    expect(push?.urgency).toBe('high');
    expect(push?.topic).toBe('6123456-wicket');
    expect(push?.claims.aud).toBe(receiver.origin);
    expect(push?.claims.sub).toBe('mailto:scores@club.example');
  });

  it('signs one JWT per origin and reuses it and the connections across many messages', async () => {
    const before = { signed: sender.authorizer.signed, connections: receiver.connections };
    const subscriptions = Array.from({ length: 40 }, (_, i) =>
      receiver.createSubscription(`/push/reuse-${i}`),
    );
    const outcomes = await Promise.all(subscriptions.map((s) => sender.send(s, wicket)));
    expect(outcomes.every((o) => o.kind === 'delivered')).toBe(true);
    expect(sender.authorizer.signed).toBe(Math.max(before.signed, 1));
    expect(receiver.distinctTokens).toBe(1);
    expect(receiver.connections - before.connections).toBeLessThanOrEqual(4);
  });

  it.each([
    [404, { kind: 'gone', status: 404 }],
    [410, { kind: 'gone', status: 410 }],
    [429, { kind: 'retry-after', status: 429, retryAfterMs: 7000 }],
    [503, { kind: 'retry-after', status: 503, retryAfterMs: 7000 }],
    [500, { kind: 'failed-retryable', status: 500, reason: 'push service answered 500' }],
    [400, { kind: 'rejected', status: 400, reason: 'push service answered 400' }],
    [413, { kind: 'rejected', status: 413, reason: 'push service answered 413' }],
  ])('reports a %i answer as %o', async (status, expected) => {
    const subscription = receiver.createSubscription(`/push/mode-${status}`);
    receiver.setMode(`/push/mode-${status}`, { status, retryAfterSeconds: 7, times: 1 });
    expect(await sender.send(subscription, wicket)).toEqual(expected);
  });

  it('delivers the same payload when encryption runs on worker threads', async () => {
    const threaded = createWebPushSender({ vapid, encryptionThreads: 2 });
    const subscriptions = Array.from({ length: 6 }, (_, i) =>
      receiver.createSubscription(`/push/threaded-${i}`),
    );
    const outcomes = await Promise.all(subscriptions.map((s) => threaded.send(s, wicket)));
    await threaded.close();
    expect(outcomes.every((o) => o.kind === 'delivered')).toBe(true);
    const pushes = receiver.received.filter((r) => r.path.startsWith('/push/threaded-'));
    expect(pushes.map((p) => p.payload)).toEqual(Array(6).fill(wicket.payload));
  });

  it('reports a push service that is not there as retryable', async () => {
    const orphan = { ...receiver.createSubscription('/x'), endpoint: 'http://127.0.0.1:9/push/none' };
    expect(await sender.send(orphan, wicket)).toMatchObject({ kind: 'failed-retryable' });
  });
});

describe('the pooled web-push sender against an https push service', () => {
  let receiver: PushReceiver;
  let dir: string;
  beforeAll(async () => {
    receiver = await startPushReceiver({ tls: true });
    dir = mkdtempSync(join(tmpdir(), 'push-ca-'));
  });
  afterAll(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers when the test certificate is trusted through an explicit CA', async () => {
    const sender = createWebPushSender({ vapid, ca: receiver.certificate?.cert });
    const subscription = receiver.createSubscription('/push/tls');
    expect(await sender.send(subscription, wicket)).toEqual({ kind: 'delivered' });
    expect(receiver.received.at(-1)?.payload).toEqual(wicket.payload);
    await sender.close();
  });

  it('refuses an untrusted certificate as a retryable failure', async () => {
    const sender = createWebPushSender({ vapid });
    const subscription = receiver.createSubscription('/push/untrusted');
    expect(await sender.send(subscription, wicket)).toMatchObject({ kind: 'failed-retryable' });
    await sender.close();
  });

  it('delivers in a process that trusts the certificate through NODE_EXTRA_CA_CERTS', async () => {
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, receiver.certificate?.cert ?? '');
    const subscription = receiver.createSubscription('/push/extra-ca');
    const script = `
      import { createWebPushSender } from '@live-scores/push';
      const sender = createWebPushSender({ vapid: ${JSON.stringify(vapid)} });
      const outcome = await sender.send(${JSON.stringify({ endpoint: subscription.endpoint, keys: subscription.keys })}, ${JSON.stringify(wicket)});
      await sender.close();
      process.stdout.write(JSON.stringify(outcome));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
        cwd: process.cwd(),
      },
    );
    expect(JSON.parse(stdout)).toEqual({ kind: 'delivered' });
    expect(receiver.received.at(-1)?.path).toBe('/push/extra-ca');
  });
});
