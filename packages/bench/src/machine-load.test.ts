import { describe, expect, it } from 'vitest';
import { watchMachineLoad } from './machine-load.ts';

describe('the machine load beside a figure', () => {
  it('reports steal and busy shares from /proc/stat and the load average over a stretch of work', async () => {
    const watch = watchMachineLoad();
    const until = Date.now() + 60;
    while (Date.now() < until) Math.sqrt(Math.random());
    await new Promise((resolve) => setTimeout(resolve, 30));
    const load = watch.stop();
    expect(load.loadAvg1).toBeGreaterThanOrEqual(0);
    expect(load.cpuStealPct).toBeGreaterThanOrEqual(0);
    expect(load.cpuBusyPct).toBeGreaterThan(0);
    expect(load.cpuBusyPct).toBeLessThanOrEqual(100);
  });
});
