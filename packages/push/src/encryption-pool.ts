import type { Subscription } from '@live-scores/schema';
import { Piscina } from 'piscina';
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

/** One request of a batch handed to a worker. */
export interface EncryptRequest {
  subscription: Pick<Subscription, 'endpoint' | 'keys'>;
  payload: string;
  options: EncryptOptions;
}

/** A worker's answer to one request: the encrypted request, or why it could not be encrypted. */
export type EncryptResponse = EncryptedRequest | { error: string };

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

export interface EncryptionPoolOptions {
  threads: number;
  /** Requests sent to a worker in one task: fewer, larger messages between threads. */
  batchSize?: number;
  /** A batch not answered by then fails (and its worker is replaced), so no request waits forever. */
  taskTimeoutMs?: number;
  /** Told when the pool itself reports an error outside any request. */
  onError?: (error: Error) => void;
}

/**
 * Encryption spread over worker threads by piscina. Each message costs an ECDH agreement and
 * HKDF (about half a millisecond); on a multi-core host this lets the sender use the other
 * cores while the main thread keeps the sockets busy. Requests made in the same turn of the
 * event loop travel together, `batchSize` at a time. A worker that dies fails the requests it
 * held (piscina rejects its unfinished tasks and starts a replacement), and a worker that
 * hangs is cut off after `taskTimeoutMs`, so every `encrypt` settles.
 */
export function createEncryptionPool(options: EncryptionPoolOptions): Encryptor & { readonly pool: Piscina } {
  const batchSize = options.batchSize ?? 32;
  const taskTimeoutMs = options.taskTimeoutMs ?? 10_000;
  const pool = new Piscina({
    filename: new URL('./encrypt-worker.js', import.meta.url).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    idleTimeout: 60_000,
  });
  pool.on('error', (error: Error) => options.onError?.(error));

  type Waiter = {
    request: EncryptRequest;
    resolve: (r: EncryptedRequest) => void;
    reject: (e: Error) => void;
  };
  let batch: Waiter[] = [];

  function dispatch(waiters: Waiter[]): void {
    pool
      .run(
        waiters.map((w) => w.request),
        { signal: AbortSignal.timeout(taskTimeoutMs) },
      )
      .then(
        (responses: EncryptResponse[]) =>
          waiters.forEach((waiter, i) => {
            const response = responses[i];
            if (!response) waiter.reject(new Error('the encryption worker gave no answer'));
            else if ('error' in response) waiter.reject(new Error(response.error));
            else
              waiter.resolve({
                headers: response.headers,
                body: response.body ? Buffer.from(response.body) : null,
              });
          }),
        (error: unknown) => {
          const reason = new Error(`encryption worker failed: ${(error as Error).message ?? String(error)}`);
          for (const waiter of waiters) waiter.reject(reason);
        },
      );
  }

  function flush(): void {
    const ready = batch;
    batch = [];
    for (let i = 0; i < ready.length; i += batchSize) dispatch(ready.slice(i, i + batchSize));
  }

  return {
    pool,
    encrypt(subscription, payload, encryptOptions) {
      return new Promise((resolve, reject) => {
        if (batch.length === 0) setImmediate(flush);
        batch.push({
          request: {
            subscription: { endpoint: subscription.endpoint, keys: subscription.keys },
            payload,
            options: encryptOptions,
          },
          resolve,
          reject,
        });
      });
    },
    async close() {
      flush();
      await pool.close();
    },
  };
}
