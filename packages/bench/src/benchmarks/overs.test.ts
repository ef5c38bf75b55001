import { describe, expect, it } from 'vitest';
import { oversBenchmark } from './overs.ts';

describe('the over history benchmark', () => {
  it('records a whole match ball by ball and measures the time per scorecard and the frame size', async () => {
    const results = await oversBenchmark({ oversPerSide: 6 }).run();
    expect(results.map((r) => r.key)).toEqual(['overs.record_p99_ms', 'overs.frame_bytes']);
    const [time, frame] = results as [(typeof results)[0], (typeof results)[0]];
    expect(time.detail?.scorecards).toBeGreaterThan(36);
    expect(time.value).toBeGreaterThan(0);
    expect(frame.value).toBeGreaterThan(0);
    // Both innings, every over named (an end or a gap): up to six each.
    expect(frame.detail?.overs).toBeGreaterThan(6);
    expect(frame.detail?.overs).toBeLessThanOrEqual(12);
  });
});
