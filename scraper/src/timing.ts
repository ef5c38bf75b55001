import { DEFAULT_SCRAPER_DEBOUNCE_MS } from '@live-scores/schema';
import type { Backoff } from './backoff.ts';

/** Every interval the watcher uses. Production defaults; tests shorten them. */
export interface WatcherTiming {
  /** Quiet time that ends a burst of DOM mutations. */
  debounceMs: number;
  /** Longest a burst may delay its message. */
  maxWaitMs: number;
  /** Re-read the page this often even without a mutation, in case the observer missed one. */
  safetyPollMs: number;
  /** Reopen each page this often to shed the memory a long-lived page accumulates. */
  reloadMs: number;
  /** Checks for the scorecard tab before scoring starts. */
  tabPoll: Backoff;
  /** Retries of a page that failed to load. */
  navigationRetry: Backoff;
  navigationTimeoutMs: number;
  /** Retries of a message the queue refused. */
  sendRetry: Backoff;
  /** Retries of a browser that failed to start after a crash. */
  relaunchRetry: Backoff;
  heartbeatMs: number;
}

export const DEFAULT_TIMING: WatcherTiming = {
  debounceMs: DEFAULT_SCRAPER_DEBOUNCE_MS,
  maxWaitMs: 100,
  safetyPollMs: 60_000,
  reloadMs: 30 * 60_000,
  tabPoll: { minMs: 60_000, maxMs: 600_000 },
  navigationRetry: { minMs: 1_000, maxMs: 60_000 },
  navigationTimeoutMs: 30_000,
  sendRetry: { minMs: 250, maxMs: 30_000 },
  relaunchRetry: { minMs: 500, maxMs: 5_000 },
  heartbeatMs: 60_000,
};
