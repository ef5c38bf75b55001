import type { Scorecard } from '@live-scores/schema';

/** Where a scorecard sits in its match's order (see `compareScorecards`). */
export type ScorecardPosition = Pick<Scorecard, 'capturedAt' | 'seq'>;

/**
 * The newest scorecard already broadcast for each match. Queues reorder and redeliver, so
 * the broadcaster asks before sending; the check and the move are one atomic step, so two
 * consumers racing with different scorecards can never move it backwards.
 */
export interface BroadcastWatermark {
  /**
   * Moves the match's mark to `position` and answers `true` when it is at least as new as
   * the mark (equal counts, so a redelivery after a failed send is sent again); answers
   * `false` and leaves the mark alone when it is older.
   */
  advance(matchId: string, position: ScorecardPosition): Promise<boolean>;
}
