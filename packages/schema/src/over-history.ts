import { z } from 'zod';
import { IsoDateTime, MatchId, TeamId } from './ids.ts';

const count = z.number().int().nonnegative();
const wickets = count.max(10);
const overNumber = z.number().int().min(1).max(999);

/** Where in a match's scorecard stream something was seen: capturedAt, then seq (see compareScorecards). */
export const StreamPosition = z.object({ capturedAt: IsoDateTime, seq: count });
export type StreamPosition = z.infer<typeof StreamPosition>;

/** The innings total when the last ball of an over had been bowled and nothing of the next one yet. */
export const OverEnd = z.object({ over: overNumber, runs: count, wickets }).strict();
export type OverEnd = z.infer<typeof OverEnd>;

/** An over whose end no scorecard showed for certain: left unknown rather than guessed. */
export const OverGap = z.object({ over: overNumber, gap: z.literal(true) }).strict();
export type OverGap = z.infer<typeof OverGap>;

export const OverSlot = z.union([OverEnd, OverGap]);
export type OverSlot = z.infer<typeof OverSlot>;

/**
 * What one new scorecard added within the over in progress: usually one delivery (`legal` 0
 * is a wide or no-ball); more than one legal ball when captures in between were missed.
 */
export const OverBall = z.object({ legal: count.max(6), runs: count, wickets }).strict();
export type OverBall = z.infer<typeof OverBall>;

export const OverInProgress = z.object({
  /** The over being bowled: 13 while the total reads "12.3". */
  over: overNumber,
  balls: z.array(OverBall),
  /** Whether `balls` starts at the over's first delivery (false when its start was missed). */
  fromStart: z.boolean(),
});
export type OverInProgress = z.infer<typeof OverInProgress>;

export const InningsOvers = z.object({
  team: z.string().min(1),
  /** Over 1, 2, … up to the last one completed, each its end or a gap. */
  overs: z.array(OverSlot),
  /** The innings total on the newest scorecard. */
  latest: z.object({ legalBalls: count, runs: count, wickets }),
  /** Null between overs (the last over complete, nothing of the next one bowled yet). */
  thisOver: OverInProgress.nullable(),
});
export type InningsOvers = z.infer<typeof InningsOvers>;

/**
 * A match's over-by-over history, folded from its scorecards: served at
 * `/api/matches/:matchId/overs` and sent on the live socket as `{ type: "overs" }`.
 * `upTo` is the newest scorecard folded in; a page keeps the history with the later `upTo`.
 */
export const OverHistory = z.object({
  matchId: MatchId,
  teamId: TeamId,
  upTo: StreamPosition,
  innings: z.array(InningsOvers),
});
export type OverHistory = z.infer<typeof OverHistory>;

/** What the live socket sends a page when a match's over history moves on. */
export const LiveOversMessage = z.object({ type: z.literal('overs'), history: OverHistory });
export type LiveOversMessage = z.infer<typeof LiveOversMessage>;

/**
 * One innings total as one scorecard showed it, with each bowler's figures as a short key:
 * comparing two of them tells which bowlers bowled in between.
 */
export const OverSighting = StreamPosition.extend({
  legalBalls: count,
  runs: count,
  wickets,
  bowlers: z.array(z.string()).max(40),
});
export type OverSighting = z.infer<typeof OverSighting>;

/** The stored fold of one innings: proven over ends and the sightings that may still prove more. */
export const InningsFold = z.object({
  team: z.string().min(1),
  ends: z.array(OverEnd),
  /** Per unproven over, the newest sighting inside it (fewer balls than its end). */
  before: z.array(OverSighting.extend({ over: overNumber })),
  /** Per unproven over, the oldest sighting at exactly its end's ball count. */
  at: z.array(OverSighting.extend({ over: overNumber })),
  latest: OverSighting,
  /** Sightings in the over of `latest`, for the balls of the over in progress. */
  thisOver: z.array(OverSighting.omit({ bowlers: true })),
});
export type InningsFold = z.infer<typeof InningsFold>;

/** What is stored with a match: the fold's state; the history is derived from it. */
export const OverFold = z.object({
  matchId: MatchId,
  teamId: TeamId,
  upTo: StreamPosition,
  innings: z.array(InningsFold),
});
export type OverFold = z.infer<typeof OverFold>;

/** Where a match's over history is kept in the object store (the bucket, or by match id locally). */
export function matchOversKey(matchId: string): string {
  return `matches/${matchId}/overs.json`;
}

/** The page path that serves a match's over history. */
export function matchOversPath(matchId: string): string {
  return `/api/matches/${encodeURIComponent(matchId)}/overs`;
}

/**
 * What is kept at `matchOversKey`: the history pages are served, and the fold the next
 * scorecard continues from. One object, so both always change together.
 */
export const StoredOverHistory = z.object({ history: OverHistory, fold: OverFold });
export type StoredOverHistory = z.infer<typeof StoredOverHistory>;
