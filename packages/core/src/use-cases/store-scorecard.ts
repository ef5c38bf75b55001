import type { Scorecard } from '@live-scores/schema';
import type { Logger } from '../logger.ts';
import { matchDay } from '../match-day.ts';
import {
  matchScorecardKey,
  teamScorecardKey,
  type PutScorecardOutcome,
  type ScorecardStore,
} from '../ports/scorecard-store.ts';

export interface StoreScorecardDeps {
  store: ScorecardStore;
  logger: Logger;
}

export interface StoreScorecardOptions {
  /** The club's time zone: the team key is per match day there. */
  timeZone: string;
}

export interface StoreScorecardResult {
  team: PutScorecardOutcome;
  match: PutScorecardOutcome;
}

/**
 * Keeps the newest scorecard of each team's day and of each match. Monotonic whatever the
 * delivery order: the store's conditional `putIfNewer` refuses an older capture, so a
 * redelivered or overtaken message is a harmless no-op (`stale`).
 */
export async function storeScorecard(
  deps: StoreScorecardDeps,
  scorecard: Scorecard,
  options: StoreScorecardOptions,
): Promise<StoreScorecardResult> {
  const date = matchDay(scorecard.capturedAt, options.timeZone);
  const [team, match] = await Promise.all([
    deps.store.putIfNewer(teamScorecardKey(date, scorecard.teamId), scorecard),
    deps.store.putIfNewer(matchScorecardKey(scorecard.matchId), scorecard),
  ]);
  deps.logger.info('scorecard stored', {
    matchId: scorecard.matchId,
    teamId: scorecard.teamId,
    seq: scorecard.seq,
    capturedAt: scorecard.capturedAt,
    team,
    match,
  });
  return { team, match };
}
