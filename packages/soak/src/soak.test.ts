import { describe, expect, it } from 'vitest';
import { runSoak } from './run-soak.ts';
import { SHORT_DAY } from './soak-options.ts';

describe('a shortened match day with faults injected', () => {
  it('ends with every check against the ground truth passing', async () => {
    const report = await runSoak(SHORT_DAY);
    process.stdout.write(`\n${report.table}`);
    expect(report.results.filter((r) => !r.pass)).toEqual([]);
    expect(report.results.length).toBeGreaterThanOrEqual(14);
    expect(report.figures).toMatchObject({ 'Chromium SIGKILLs': 2, 'runtime restarts': 1 });
  }, 150_000);
});
