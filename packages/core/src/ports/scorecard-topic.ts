import type { MatchStatus, Scorecard } from '@live-scores/schema';

/**
 * The attributes every scorecard is published with. Subscriptions filter on them (the
 * game-over consumers take only `status: complete`) without reading the body.
 */
export interface ScorecardAttributes {
  matchId: string;
  teamId: string;
  status: MatchStatus;
}

export function scorecardAttributes(scorecard: Scorecard): ScorecardAttributes {
  return { matchId: scorecard.matchId, teamId: scorecard.teamId, status: scorecard.status };
}

/**
 * Fans a parsed scorecard out to every consumer (store, broadcast, notify, game over).
 * At-least-once and unordered: a resolved publish has been accepted durably, and each
 * consumer may see a scorecard twice or after a newer one, so consumers order by
 * `compareScorecards` themselves.
 */
export interface ScorecardTopic {
  publish(scorecard: Scorecard): Promise<void>;
}
