import { describe, expect, it } from 'vitest';
import { fanoutLatency, scorecardOfSize } from './fanout.ts';

describe('the fan-out benchmark', () => {
  it('builds a scorecard of about the asked size', () => {
    const bytes = Buffer.byteLength(JSON.stringify(scorecardOfSize(20 * 1024)));
    expect(bytes).toBeGreaterThanOrEqual(20 * 1024);
    expect(bytes).toBeLessThan(22 * 1024);
  });

  it('reaches every client in every round and reports the p99 latency', async () => {
    const [p99] = await fanoutLatency({ clients: 50, rounds: 2 }).run();
    expect(p99).toMatchObject({ key: 'fanout.ws.p99_ms', unit: 'ms', target: { op: '<=', value: 1000 } });
    expect(p99?.detail).toMatchObject({ clients: 50, fewestDeliveredInARound: 50 });
    expect(p99?.value).toBeGreaterThanOrEqual(0);
  });
});
