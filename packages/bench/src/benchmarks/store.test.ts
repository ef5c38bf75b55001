import { describe, expect, it } from 'vitest';
import { storeBenchmark } from './store.ts';

describe('the store benchmark', () => {
  it('measures SQLite and the JSON files side by side, sending to every subscriber with each', async () => {
    const results = await storeBenchmark({
      subscribers: 450,
      subscribes: 5,
      queueMessages: { sqlite: 200, json: 50 },
      queueRounds: 1,
    }).run();
    expect(results.map((r) => r.key)).toEqual([
      'store.subscribe_p99_ms',
      'store.event_bytes_written',
      'store.queue_per_s',
      'store.ratio_vs_json.subscribe_p99',
      'store.ratio_vs_json.event_bytes',
      'store.ratio_vs_json.queue_per_s',
    ]);
    const bytes = results.find((r) => r.key === 'store.event_bytes_written')!;
    expect(bytes.detail).toMatchObject({ sent: 450, jsonSent: 450 });
    for (const result of results) expect(result.value).toBeGreaterThan(0);
  });
});
