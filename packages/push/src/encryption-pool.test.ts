import { createSubscriptionKeys } from '@live-scores/push-receiver';
import { describe, expect, it } from 'vitest';
import { createEncryptionPool, inlineEncryptor, type EncryptOptions } from './encryption-pool.ts';

const options: EncryptOptions = { TTL: 60, urgency: 'high', vapidDetails: null };
const subscriptions = Array.from({ length: 40 }, (_, i) =>
  createSubscriptionKeys(`https://push.example/send/${i}`),
);

describe('the encryption worker pool', () => {
  it('encrypts as the inline encryptor does, in batches across its threads', async () => {
    const pool = createEncryptionPool({ threads: 2, batchSize: 8 });
    try {
      const results = await Promise.all(
        subscriptions.map((s) => pool.encrypt(s, '{"title":"Wicket"}', options)),
      );
      const inline = await inlineEncryptor.encrypt(subscriptions[0]!, '{"title":"Wicket"}', options);
      expect(results).toHaveLength(40);
      for (const result of results) {
        expect(result.headers).toMatchObject({ 'Content-Encoding': 'aes128gcm', TTL: 60, Urgency: 'high' });
        expect(result.body?.length).toBe(inline.body?.length);
      }
      expect(pool.pool.completed).toBe(5);
    } finally {
      await pool.close();
    }
  });

  it('answers a request it cannot encrypt with its reason, without failing the rest of the batch', async () => {
    const pool = createEncryptionPool({ threads: 1 });
    try {
      const broken = { endpoint: 'https://push.example/x', keys: { p256dh: 'short', auth: 'short' } };
      const [bad, good] = await Promise.allSettled([
        pool.encrypt(broken, 'hi', options),
        pool.encrypt(subscriptions[0]!, 'hi', options),
      ]);
      expect(bad).toMatchObject({ status: 'rejected' });
      expect(good).toMatchObject({ status: 'fulfilled' });
    } finally {
      await pool.close();
    }
  });

  it('fails the requests a crashed worker held instead of leaving them waiting, and keeps serving', async () => {
    const errors: Error[] = [];
    const pool = createEncryptionPool({ threads: 2, batchSize: 4, onError: (e) => errors.push(e) });
    try {
      await pool.encrypt(subscriptions[0]!, 'warm up', options);
      const inFlight = subscriptions.map((s) => pool.encrypt(s, 'x'.repeat(2000), options));
      await new Promise((resolve) => setImmediate(resolve));
      const [victim] = pool.pool.threads;
      await victim!.terminate();
      const settled = await Promise.allSettled(inFlight);
      expect(settled).toHaveLength(40);
      const failures = settled.filter((s) => s.status === 'rejected');
      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures)
        expect(String((failure as PromiseRejectedResult).reason)).toContain('encryption worker failed');
      const after = await pool.encrypt(subscriptions[1]!, 'after the crash', options);
      expect(after.body).not.toBeNull();
      expect(pool.pool.threads.length).toBeGreaterThanOrEqual(1);
    } finally {
      await pool.close();
    }
  });
});
