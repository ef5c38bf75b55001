/** How long and how hard a simulated match day runs. */
export interface SoakOptions {
  /** Simulator speed over real time. */
  speed: number;
  oversPerSide: number;
  /** Real milliseconds before the first match's first ball, and between match starts. */
  startDelayMs: number;
  staggerMs: number;
  seed: string;
  /** Share of queue messages delivered twice, and held back to be overtaken. */
  duplicateRate: number;
  reorderRate: number;
  /** Give up on the day after this long. */
  timeoutMs: number;
}

/** The shortened day `npm test` runs: about a minute. */
export const SHORT_DAY: SoakOptions = {
  speed: 400,
  oversPerSide: 4,
  startDelayMs: 8_000,
  staggerMs: 4_000,
  seed: 'soak-short',
  duplicateRate: 0.1,
  reorderRate: 0.1,
  timeoutMs: 120_000,
};

/** `npm run soak`: four real 50-over matches, each about 85 s at this speed; about four minutes. */
export const FULL_DAY: SoakOptions = {
  ...SHORT_DAY,
  speed: 300,
  oversPerSide: 50,
  staggerMs: 30_000,
  seed: 'soak-full',
  timeoutMs: 600_000,
};
