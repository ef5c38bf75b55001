/**
 * The highest milestone `value` has reached, or 0. When one update passes several (a long gap
 * in the feed), only the highest is told: the lower ones would carry the same figures.
 */
export function highestReached(milestones: readonly number[], value: number): number {
  return milestones.reduce((best, m) => (m <= value && m > best ? m : best), 0);
}
