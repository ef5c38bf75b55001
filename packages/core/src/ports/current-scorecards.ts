import type { Scorecard } from '@live-scores/schema';

/** The latest scorecard of each of today's matches, for a page that has just connected. */
export interface CurrentScorecards {
  list(): Promise<Scorecard[]>;
}
