import { describe, expect, it } from 'vitest';
import { pushThroughput } from './push.ts';

describe('the push benchmark', () => {
  it('delivers every notification with both senders and reports throughput, the naive figure and their ratio', async () => {
    const [pooled, naive, ratio] = await pushThroughput({
      subscriptions: 60,
      encryptionThreads: 1,
      rounds: 1,
    }).run();
    expect(pooled).toMatchObject({
      key: 'push.per_s',
      unit: 'notifications/s',
      target: { op: '>=', value: 4000 },
    });
    expect(pooled?.detail).toMatchObject({ delivered: 60, received: 60, jwtsSigned: 1 });
    expect(naive?.detail).toMatchObject({ delivered: 60, received: 60, jwtsSigned: 60 });
    expect(ratio).toMatchObject({ key: 'push.ratio_vs_naive', target: { op: '>=', value: 3 } });
    expect(ratio?.value).toBeCloseTo((pooled?.value ?? 0) / (naive?.value ?? 1), 0);
  });
});
