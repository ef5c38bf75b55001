import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBenchmarks } from './run.ts';
import type { Benchmark, BenchResult } from './types.ts';

/** A benchmark that reports fixed figures, so the runner and report can be checked exactly. */
function fixed(name: string, results: BenchResult[]): Benchmark {
  return { name, run: async () => results };
}

const fast = fixed('fast', [
  { key: 'fast.per_s', label: 'Fast things', value: 900, unit: 'ops/s', target: { op: '>=', value: 500 } },
  { key: 'fast.note', label: 'Untargeted', value: 12.345, unit: 'ms', detail: { p95: 20 } },
]);
const slow = fixed('slow', [
  { key: 'slow.ms', label: 'Slow thing', value: 3.5, unit: 'ms', target: { op: '<=', value: 2 } },
]);

describe('runBenchmarks', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'bench-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  const readJson = () => JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8'));

  it('runs every benchmark when none are named and marks each target pass or fail', async () => {
    const results = await runBenchmarks(undefined, { outDir, benchmarks: [fast, slow] });
    expect(results.map((r) => [r.key, r.pass])).toEqual([
      ['fast.per_s', true],
      ['fast.note', undefined],
      ['slow.ms', false],
    ]);
  });

  it('writes results.json keyed by figure, with value, unit, target, pass and when it was measured', async () => {
    await runBenchmarks(['fast'], { outDir, benchmarks: [fast, slow] });
    const stored = readJson();
    expect(Object.keys(stored)).toEqual(['fast.note', 'fast.per_s']);
    expect(stored['fast.per_s']).toMatchObject({
      label: 'Fast things',
      value: 900,
      unit: 'ops/s',
      target: { op: '>=', value: 500 },
      pass: true,
    });
    // Each figure keeps its own detail and gains the machine's load over its benchmark's run.
    expect(stored['fast.note'].detail).toMatchObject({ p95: 20, loadAvg1: expect.any(Number) });
    expect(Date.parse(stored['fast.per_s'].measuredAt)).not.toBeNaN();
  });

  it('keeps earlier figures when only some benchmarks are re-run', async () => {
    await runBenchmarks(['slow'], { outDir, benchmarks: [fast, slow] });
    await runBenchmarks(['fast'], { outDir, benchmarks: [fast, slow] });
    expect(Object.keys(readJson())).toEqual(['fast.note', 'fast.per_s', 'slow.ms']);
  });

  it('writes a Markdown table with value, target and pass/fail per figure', async () => {
    await runBenchmarks(undefined, { outDir, benchmarks: [fast, slow] });
    const markdown = readFileSync(join(outDir, 'results.md'), 'utf8');
    expect(markdown).toContain('| Figure | Value | Target | Pass |');
    expect(markdown).toContain('| Fast things (`fast.per_s`) | 900 ops/s | >= 500 ops/s | pass |');
    expect(markdown).toContain('| Slow thing (`slow.ms`) | 3.5 ms | <= 2 ms | **fail** |');
    expect(markdown).toContain('| Untargeted (`fast.note`) | 12.3 ms | — | — |');
  });

  it('refuses an unknown benchmark name before running anything', async () => {
    await expect(runBenchmarks(['fast', 'nope'], { outDir, benchmarks: [fast, slow] })).rejects.toThrow(
      'unknown benchmark "nope"; known: fast, slow',
    );
  });
});
