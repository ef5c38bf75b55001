import type { PushMessage, PushOutcome, PushSender } from '@live-scores/core';
import type { Subscription } from '@live-scores/schema';
import {
  createEncryptionPool,
  inlineEncryptor,
  type EncryptedRequest,
  type Encryptor,
} from './encryption-pool.ts';
import { outcomeOf } from './outcome.ts';
import {
  createPooledHttpClient,
  type PooledHttpClient,
  type PooledHttpClientOptions,
} from './pooled-http-client.ts';
import { createVapidAuthorizer, type VapidAuthorizer, type VapidDetails } from './vapid-authorizer.ts';

export interface WebPushSenderOptions extends PooledHttpClientOptions {
  vapid: VapidDetails;
  /** Shared with other senders, or built here. */
  http?: PooledHttpClient;
  authorizer?: VapidAuthorizer;
  /** Worker threads for encryption; 0 (the default) encrypts on the calling thread. */
  encryptionThreads?: number;
}

export interface WebPushSender extends PushSender {
  readonly authorizer: VapidAuthorizer;
  close(): Promise<void>;
}

/**
 * The real push sender: RFC 8291 encryption from the `web-push` library
 * (`generateRequestDetails`), the VAPID header from a per-origin token cache, and the
 * request through a pooled keep-alive client.
 */
export function createWebPushSender(options: WebPushSenderOptions): WebPushSender {
  const client = options.http ?? createPooledHttpClient(options);
  const authorizer = options.authorizer ?? createVapidAuthorizer(options.vapid);
  const encryptor: Encryptor = options.encryptionThreads
    ? createEncryptionPool({ threads: options.encryptionThreads })
    : inlineEncryptor;

  async function send(subscription: Subscription, message: PushMessage): Promise<PushOutcome> {
    let url: URL;
    let details: EncryptedRequest;
    try {
      url = new URL(subscription.endpoint);
      // vapidDetails: null → web-push leaves Authorization to us (no per-message signature).
      details = await encryptor.encrypt(subscription, JSON.stringify(message.payload), {
        TTL: message.ttlSeconds,
        urgency: message.urgency,
        ...(message.topic ? { topic: message.topic } : {}),
        vapidDetails: null,
      });
    } catch (error) {
      return {
        kind: 'rejected',
        status: 0,
        reason: `cannot encrypt for this subscription: ${(error as Error).message}`,
      };
    }
    const headers = { ...details.headers, Authorization: authorizer.authorization(url.origin) };
    try {
      const response = await client.post(url, headers, details.body);
      const retryAfter = response.headers['retry-after'];
      return outcomeOf(response.status, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
    } catch (error) {
      return { kind: 'failed-retryable', reason: (error as Error).message };
    }
  }

  return {
    send,
    authorizer,
    async close() {
      client.close();
      await encryptor.close();
    },
  };
}
