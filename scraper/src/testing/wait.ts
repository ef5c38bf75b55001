import { eventually } from '@live-scores/test-support';

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it holds; rejects after `timeoutMs` naming what it waited for. */
export const until = (condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> =>
  eventually(what, condition, timeoutMs);
