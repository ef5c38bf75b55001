import { Worker } from 'node:worker_threads';
import type { Subscription } from '@live-scores/schema';
import webpush from 'web-push';

/** What `webpush.generateRequestDetails` needs besides the subscription and payload. */
export interface EncryptOptions {
  TTL: number;
  urgency: string;
  topic?: string;
  /** Always null: the VAPID header comes from the per-origin token cache, not a signature per message. */
  vapidDetails: null;
}

export interface EncryptedRequest {
  headers: Record<string, string | number>;
  body: Buffer | null;
}

export interface EncryptRequest {
  id: number;
  subscription: Pick<Subscription, 'endpoint' | 'keys'>;
  payload: string;
  options: EncryptOptions;
}

export type EncryptResponse = ({ id: number } & EncryptedRequest) | { id: number; error: string };

export interface Encryptor {
  encrypt(
    subscription: Pick<Subscription, 'endpoint' | 'keys'>,
    payload: string,
    options: EncryptOptions,
  ): Promise<EncryptedRequest>;
  close(): Promise<void>;
}

/** Encryption on the calling thread: right for Lambda, where there is about one core. */
export const inlineEncryptor: Encryptor = {
  async encrypt(subscription, payload, options) {
    const details = webpush.generateRequestDetails(
      subscription,
      payload,
      options as unknown as webpush.RequestOptions,
    );
    return {
      headers: details.headers as Record<string, string | number>,
      body: (details.body as Buffer | null) ?? null,
    };
  },
  close: async () => undefined,
};

/**
 * Encryption spread over worker threads. Each message costs an ECDH agreement and HKDF
 * (about half a millisecond); on a multi-core host this lets the sender use the other cores
 * while the main thread keeps the sockets busy. Requests go to the least busy worker.
 */
export function createEncryptionPool(threads: number): Encryptor {
  const pending = new Map<number, { resolve: (r: EncryptedRequest) => void; reject: (e: Error) => void }>();
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./encrypt-worker.js', import.meta.url));
    const entry = { worker, busy: 0 };
    worker.on('message', (response: EncryptResponse) => {
      entry.busy--;
      const waiter = pending.get(response.id);
      pending.delete(response.id);
      if ('error' in response) waiter?.reject(new Error(response.error));
      else
        waiter?.resolve({
          headers: response.headers,
          body: response.body ? Buffer.from(response.body) : null,
        });
    });
    worker.unref();
    return entry;
  });
  let nextId = 0;

  return {
    encrypt(subscription, payload, options) {
      const target = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      target.busy++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        target.worker.postMessage({
          id,
          subscription: { endpoint: subscription.endpoint, keys: subscription.keys },
          payload,
          options,
        } satisfies EncryptRequest);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
