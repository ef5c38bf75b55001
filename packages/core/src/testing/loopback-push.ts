import { createWebPushSender, generateVapidKeys, type WebPushSender } from '@live-scores/push';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import { afterAll, beforeAll } from 'vitest';

export interface LoopbackPush {
  readonly receiver: PushReceiver;
  readonly sender: WebPushSender;
}

/**
 * A loopback push service and the real web-push sender, VAPID-signed, for the `describe`
 * block it is called in: started before its tests, closed after them.
 */
export function useLoopbackPush(): LoopbackPush {
  const vapid = { subject: 'mailto:scores@club.example', ...generateVapidKeys() };
  let receiver: PushReceiver | undefined;
  let sender: WebPushSender | undefined;
  beforeAll(async () => {
    receiver = await startPushReceiver();
    sender = createWebPushSender({ vapid, maxSockets: 8 });
  });
  afterAll(async () => {
    await sender?.close();
    await receiver?.close();
  });
  return {
    get receiver() {
      if (!receiver) throw new Error('the loopback push service starts before the tests');
      return receiver;
    },
    get sender() {
      if (!sender) throw new Error('the loopback push sender starts before the tests');
      return sender;
    },
  };
}
