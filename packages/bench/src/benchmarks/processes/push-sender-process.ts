import { mapWithConcurrency, type PushMessage } from '@live-scores/core';
import { createWebPushSender } from '@live-scores/push';
import type { Subscription } from '@live-scores/schema';
import webpush from 'web-push';
import { serveRequests } from './child-process.ts';

interface SendRequest {
  mode: 'pooled' | 'naive';
  subscriptions: Subscription[];
  message: PushMessage;
  vapid: { subject: string; publicKey: string; privateKey: string };
  encryptionThreads: number;
}

/** One sender run, timed inside its own process (trusting the receiver via NODE_EXTRA_CA_CERTS). */
serveRequests(async (raw) => {
  const { mode, subscriptions, message, vapid, encryptionThreads } = raw as SendRequest;
  const payload = JSON.stringify(message.payload);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let delivered = 0;
  if (mode === 'naive') {
    webpush.setVapidDetails(vapid.subject, vapid.publicKey, vapid.privateKey);
    // Exactly the naive line: every message signs a JWT and opens its own TLS connection.
    const outcomes = await Promise.allSettled(
      subscriptions.map((s) => webpush.sendNotification(s, payload, { TTL: message.ttlSeconds })),
    );
    delivered = outcomes.filter((o) => o.status === 'fulfilled').length;
  } else {
    const sender = createWebPushSender({ vapid, maxSockets: 32, encryptionThreads });
    const outcomes = await mapWithConcurrency(subscriptions, 256, (s) => sender.send(s, message));
    delivered = outcomes.filter((o) => o.kind === 'delivered').length;
    await sender.close();
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { ms, delivered, cpuMs: (cpu.user + cpu.system) / 1000 };
});
