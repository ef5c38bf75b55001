import { createECDH, randomBytes, type ECDH } from 'node:crypto';

/** A subscription as a browser would hand it over, plus the private half the receiver keeps. */
export interface ReceiverSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The user agent's key pair: only the receiver can decrypt what is sent to `endpoint`. */
  privateKey: ECDH;
}

/** Fresh user-agent keys (P-256 key pair and 16-byte auth secret), as `PushManager.subscribe` makes. */
export function createSubscriptionKeys(endpoint: string): ReceiverSubscription {
  const privateKey = createECDH('prime256v1');
  privateKey.generateKeys();
  return {
    endpoint,
    keys: {
      p256dh: privateKey.getPublicKey().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
    privateKey,
  };
}
