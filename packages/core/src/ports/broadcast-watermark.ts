import type { Scorecard } from '@live-scores/schema';

/** Where a scorecard sits in its match's order (see `compareScorecards`). */
export type ScorecardPosition = Pick<Scorecard, 'capturedAt' | 'seq'>;

/**
 * What `advance` did: `advanced` is false when the scorecard was older than the mark. When it
 * moved, `previous` is the scorecard the mark held before, if one was kept, so the broadcast
 * can send only what changed since then.
 */
export interface WatermarkMove {
  advanced: boolean;
  previous?: Scorecard;
}

/**
 * The newest scorecard already broadcast for each match. Queues reorder and redeliver, so
 * the broadcaster asks before sending; the check and the move are one atomic step, so two
 * consumers racing with different scorecards can never move it backwards.
 */
export interface BroadcastWatermark {
  /**
   * Moves the match's mark to `position` (keeping `scorecard`, when given, as the base of the
   * next diff) and answers `advanced: true` when it is at least as new as the mark (equal
   * counts, so a redelivery after a failed send is sent again); answers `advanced: false` and
   * leaves the mark alone when it is older.
   */
  advance(matchId: string, position: ScorecardPosition, scorecard?: Scorecard): Promise<WatermarkMove>;
}
