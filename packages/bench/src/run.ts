import { fileURLToPath } from 'node:url';
import { digestBenchmark } from './benchmarks/digest.ts';
import { fanoutLatency } from './benchmarks/fanout.ts';
import { lighthouseBenchmark } from './benchmarks/lighthouse.ts';
import { oversBenchmark } from './benchmarks/overs.ts';
import { pageBytesBenchmark } from './benchmarks/page-bytes.ts';
import { pageUpdateBenchmark } from './benchmarks/page-update.ts';
import { parseThroughput } from './benchmarks/parse.ts';
import { freshnessBenchmark } from './benchmarks/freshness.ts';
import { pushThroughput } from './benchmarks/push.ts';
import { scraperBenchmark } from './benchmarks/scraper.ts';
import { watchMachineLoad } from './machine-load.ts';
import { storeBenchmark } from './benchmarks/store.ts';
import { writeResults } from './report.ts';
import { meetsTarget } from './stats.ts';
import type { Benchmark, BenchResult } from './types.ts';

/** Every benchmark, in the order they run. */
export const BENCHMARKS: readonly Benchmark[] = [
  parseThroughput(),
  pushThroughput(),
  fanoutLatency(),
  scraperBenchmark(),
  freshnessBenchmark(),
  pageUpdateBenchmark(),
  pageBytesBenchmark(),
  lighthouseBenchmark(),
  storeBenchmark(),
  digestBenchmark(),
  oversBenchmark(),
];

/** `bench/` at the repository root. */
export const DEFAULT_RESULTS_DIR = fileURLToPath(new URL('../../../bench/', import.meta.url));

export interface RunOptions {
  /** Where results.json and results.md go; defaults to `bench/` at the repository root. */
  outDir?: string;
  /** The benchmarks to choose from; defaults to BENCHMARKS. */
  benchmarks?: readonly Benchmark[];
}

/**
 * Runs the named benchmarks (all when none are named) one after another, marks each
 * figure pass/fail against its target, stamps each with the machine's CPU steal, busy share
 * and load average over its benchmark's run, writes bench/results.json and bench/results.md,
 * and returns the figures. An unknown name is an error before anything runs.
 */
export async function runBenchmarks(names?: string[], options: RunOptions = {}): Promise<BenchResult[]> {
  const available = options.benchmarks ?? BENCHMARKS;
  const chosen = names?.length ? names.map((name) => findBenchmark(available, name)) : available;
  const results: BenchResult[] = [];
  for (const benchmark of chosen) {
    const load = watchMachineLoad();
    const figures = await benchmark.run();
    const machine = load.stop();
    for (const figure of figures) {
      const result = { ...figure, detail: { ...figure.detail, ...machine } };
      results.push(result.target ? { ...result, pass: meetsTarget(result.value, result.target) } : result);
    }
  }
  writeResults(options.outDir ?? DEFAULT_RESULTS_DIR, results);
  return results;
}

function findBenchmark(available: readonly Benchmark[], name: string): Benchmark {
  const found = available.find((benchmark) => benchmark.name === name);
  if (!found) {
    throw new Error(`unknown benchmark "${name}"; known: ${available.map((b) => b.name).join(', ')}`);
  }
  return found;
}
