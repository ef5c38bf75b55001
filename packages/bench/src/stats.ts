/** The middle value (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * The p-th percentile (0–100), interpolating linearly between the two nearest ranks, so
 * small samples (a handful of timed rounds) still give a stable figure.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be 0–100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (rank - below);
}

/** Whether `value` meets `target`. */
export function meetsTarget(value: number, target: { op: '>=' | '<='; value: number }): boolean {
  return target.op === '>=' ? value >= target.value : value <= target.value;
}
