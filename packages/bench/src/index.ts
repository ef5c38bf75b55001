export { runBenchmarks, BENCHMARKS, DEFAULT_RESULTS_DIR, type RunOptions } from './run.ts';
export { writeResults, renderMarkdown, type StoredResult, type StoredResults } from './report.ts';
export { median, percentile, meetsTarget } from './stats.ts';
export { timeRounds, type RoundsOptions, type RoundsTiming } from './timing.ts';
export { parseThroughput } from './benchmarks/parse.ts';
export type { Benchmark, BenchResult, Target } from './types.ts';
export { pushThroughput, type PushBenchOptions } from './benchmarks/push.ts';
export { fanoutLatency, scorecardOfSize, type FanoutBenchOptions } from './benchmarks/fanout.ts';
export { freshnessBenchmark, type FreshnessBenchOptions } from './benchmarks/freshness.ts';
