import { z } from 'zod';
import { IsoDateTime, MatchId } from '@live-scores/schema';

const count = z.number().int().nonnegative();

/**
 * What has already been notified (or deliberately passed over) for one innings.
 * Players are identified by their key (see player-keys.ts), not their display name.
 */
export const InningsProgress = z.object({
  /** Highest overs threshold already passed; 0 before the first. */
  overs: count,
  /** Dismissed batters already counted, in wicket order: its length is the wicket count so far. */
  dismissed: z.array(z.string()),
  /** Batter key → highest batting milestone already passed. */
  batting: z.record(z.string(), count),
  /** Bowler key → highest bowling milestone already passed. */
  bowling: z.record(z.string(), count),
  ended: z.boolean(),
});
export type InningsProgress = z.infer<typeof InningsProgress>;

/**
 * The notification rules' memory of one match, stored between invocations (a DynamoDB item
 * or a file), so it stays small: a few names and numbers per innings.
 */
export const RulesState = z.object({
  version: z.literal(1),
  matchId: MatchId,
  /** The newest scorecard applied; anything not newer is ignored. */
  last: z.object({ capturedAt: IsoDateTime, seq: count }),
  innings: z.array(InningsProgress),
  /** The match's outcome (a result or an abandonment) has been passed. */
  resultSent: z.boolean(),
  /**
   * Match-state moments already passed. Absent in states saved before these alerts existed:
   * see `matchStateOf`, which reads such a state as past whatever its innings show.
   */
  matchState: z.object({ playStarted: z.boolean(), inningsBreak: z.boolean() }).optional(),
});
export type RulesState = z.infer<typeof RulesState>;

export function emptyProgress(): InningsProgress {
  return { overs: 0, dismissed: [], batting: {}, bowling: {}, ended: false };
}

export type MatchStateProgress = NonNullable<RulesState['matchState']>;

/**
 * The match-state progress of `state`. A state from before these alerts followed innings
 * already, so the start (and, once the first innings is over, the break) is behind it: a
 * deploy mid-match never announces a start that happened hours ago.
 */
export function matchStateOf(state: RulesState): MatchStateProgress {
  return (
    state.matchState ?? {
      playStarted: state.innings.length > 0,
      inningsBreak: state.innings[0]?.ended ?? false,
    }
  );
}
