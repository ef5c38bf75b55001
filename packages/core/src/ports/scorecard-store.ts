import type { MatchDay, Scorecard } from '@live-scores/schema';

/** `written`: this scorecard is now the stored one; `stale`: a newer or the same capture was already there. */
export type PutScorecardOutcome = 'written' | 'stale';

/**
 * Browsers and the CDN may reuse a scorecard for a few seconds, no longer: it changes every
 * ball. The stored objects and the scorecards API say the same.
 */
export const SCORECARD_CACHE_CONTROL = 'max-age=5';

/** Where today's scorecard of a team is kept: what the page loads on open. */
export function teamScorecardKey(date: MatchDay, teamId: string): string {
  return `scorecards/${date}/${teamId}.json`;
}

/** Where a match's latest scorecard is kept: the link the CMS records. */
export function matchScorecardKey(matchId: string): string {
  return `matches/${matchId}.json`;
}

/**
 * The object store of current scorecards (S3, or files under the data dir).
 *
 * `putIfNewer` is monotonic per key: it writes only when the stored scorecard is older by
 * `compareScorecards` (capturedAt, then seq), and the check and the write are one atomic
 * step, so of two racing deliveries the newer always ends up stored whatever the order.
 */
export interface ScorecardStore {
  putIfNewer(key: string, scorecard: Scorecard): Promise<PutScorecardOutcome>;
  get(key: string): Promise<Scorecard | undefined>;
  /** The day's team scorecards (keys `scorecards/<date>/*.json`). */
  listDay(date: MatchDay): Promise<Scorecard[]>;
}
