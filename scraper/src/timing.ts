import type { ConfigFile } from '@live-scores/schema';
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
  debounceMs: 40,
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

/** The timing a club configured in the `scraper` section of its config file. */
export function timingFromConfig(scraper: ConfigFile['scraper']): WatcherTiming {
  return {
    ...DEFAULT_TIMING,
    debounceMs: scraper.debounceMs,
    maxWaitMs: Math.max(scraper.debounceMs, DEFAULT_TIMING.maxWaitMs),
    safetyPollMs: scraper.safetyPollSeconds * 1000,
    reloadMs: scraper.reloadMinutes * 60_000,
    tabPoll: { minMs: scraper.tabPollSeconds.min * 1000, maxMs: scraper.tabPollSeconds.max * 1000 },
  };
}
