import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import { serveRequests } from './child-process.ts';

/** The loopback push service in its own process, answering over IPC. */
let receiver: PushReceiver | undefined;

serveRequests(async (message) => {
  const request = message as
    | { type: 'start'; tls: boolean; subscriptions: number }
    | { type: 'stats' }
    | { type: 'reset' };
  if (request.type === 'start') {
    // VAPID, TTL and encoding are checked for every message; decryption (proven by the
    // sender's end-to-end tests) would make the receiver, not the sender, the bottleneck.
    receiver = await startPushReceiver({ tls: request.tls, decrypt: false });
    const subscriptions = Array.from({ length: request.subscriptions }, (_, i) => {
      const { endpoint, keys } = receiver!.createSubscription(`/push/${i}`);
      return { endpoint, keys };
    });
    return { origin: receiver.origin, cert: receiver.certificate?.cert, subscriptions };
  }
  if (!receiver) throw new Error('receiver not started');
  if (request.type === 'reset') receiver.received.length = 0;
  const cpu = process.cpuUsage();
  const sample = receiver.received[0];
  return {
    received: receiver.received.length,
    refused: receiver.refused.length,
    connections: receiver.connections,
    tokens: receiver.distinctTokens,
    sample: sample?.payload,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
});
