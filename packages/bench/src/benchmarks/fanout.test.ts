import { describe, expect, it } from 'vitest';
import { fanoutLatency, scorecardOfSize } from './fanout.ts';

describe('the fan-out benchmark', () => {
  it('builds a scorecard of about the asked size', () => {
    const bytes = Buffer.byteLength(JSON.stringify(scorecardOfSize(20 * 1024)));
    expect(bytes).toBeGreaterThanOrEqual(20 * 1024);
    expect(bytes).toBeLessThan(22 * 1024);
  });

  it('reaches every client in every round and reports the p99 latency, the bytes per ball and the AWS message count', async () => {
    const [p99, bytes, aws] = await fanoutLatency({ clients: 50, rounds: 2 }).run();
    expect(p99).toMatchObject({ key: 'fanout.ws.p99_ms', unit: 'ms', target: { op: '<=', value: 250 } });
    expect(p99?.detail).toMatchObject({ clients: 50, fewestDeliveredInARound: 50 });
    expect(p99?.value).toBeGreaterThanOrEqual(0);
    expect(bytes).toMatchObject({ key: 'fanout.bytes_per_update', target: { op: '<=', value: 2048 } });
    expect(bytes!.value).toBeLessThan(bytes!.detail!.fullScorecardBytes! / 5);
    expect(aws).toMatchObject({ key: 'fanout.aws_messages_per_update', value: 50 });
  });
});
