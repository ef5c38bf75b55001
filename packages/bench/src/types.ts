/** A figure's target: the value must be at least (>=) or at most (<=) this. */
export interface Target {
  op: '>=' | '<=';
  value: number;
}

/** One measured figure. `key` is stable across runs (e.g. "parse.per_s"): results are merged by it. */
export interface BenchResult {
  key: string;
  label: string;
  value: number;
  unit: string;
  target?: Target;
  /** Set by the runner from the target; absent when there is no target. */
  pass?: boolean;
  detail?: Record<string, number>;
}

export interface Benchmark {
  /** What `runBenchmarks(names)` selects it by, e.g. "parse". */
  name: string;
  run(): Promise<BenchResult[]>;
}
