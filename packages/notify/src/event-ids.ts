import type { MatchId } from '@live-scores/schema';

/**
 * Event ids are a function of the match and the moment only (never of time or randomness), so
 * a redelivered or replayed scorecard yields the same id and the push queue can drop it:
 *
 *   6123456:1:overs:20            score at 20 overs of innings 1
 *   6123456:1:wicket:3            the 3rd wicket of innings 1
 *   6123456:1:bat:a-deegan:50     batter milestone (player key, see player-keys.ts)
 *   6123456:2:bowl:j-thurwell:5   bowler milestone
 *   6123456:1:end                 end of innings 1
 *   6123456:catch-up              the first-sight summary: one per match, whichever scorecard was
 *                                 seen first (under reordering that is not always the earliest)
 *   6123456:result                the match's outcome: the result, or its abandonment (one or
 *                                 the other, never both)
 *   6123456:start                 the first ball of the match
 *   6123456:innings-break         the first innings is over, the target set
 */
export const eventIds = {
  overs: (matchId: MatchId, innings: number, overs: number) => `${matchId}:${innings}:overs:${overs}`,
  wicket: (matchId: MatchId, innings: number, wicket: number) => `${matchId}:${innings}:wicket:${wicket}`,
  battingMilestone: (matchId: MatchId, innings: number, key: string, milestone: number) =>
    `${matchId}:${innings}:bat:${key}:${milestone}`,
  bowlingMilestone: (matchId: MatchId, innings: number, key: string, milestone: number) =>
    `${matchId}:${innings}:bowl:${key}:${milestone}`,
  inningsEnd: (matchId: MatchId, innings: number) => `${matchId}:${innings}:end`,
  catchUp: (matchId: MatchId) => `${matchId}:catch-up`,
  result: (matchId: MatchId) => `${matchId}:result`,
  playStarted: (matchId: MatchId) => `${matchId}:start`,
  inningsBreak: (matchId: MatchId) => `${matchId}:innings-break`,
};
