import { z } from 'zod';
import { HttpUrl, IsoDateTime, MatchId, TeamId } from './ids.ts';

/** Overs as the scorer writes them: "33.4" is 33 overs and 4 balls (never decimal). */
export const Overs = z.string().regex(/^\d{1,3}(\.[0-5])?$/, 'expected overs like "33" or "33.4"');

const count = z.number().int().nonnegative();
const figure = z.number().nonnegative().finite();

export const Batter = z.object({
  name: z.string().min(1),
  /** How out as shown ("ct A Deegan b J Thurwell", "not out", "retired hurt"), "" when yet to bat. */
  howOut: z.string(),
  out: z.boolean(),
  runs: count.nullable(),
  balls: count.nullable(),
  minutes: count.nullable(),
  fours: count.nullable(),
  sixes: count.nullable(),
  strikeRate: figure.nullable(),
});
export type Batter = z.infer<typeof Batter>;

export const Bowler = z.object({
  name: z.string().min(1),
  overs: Overs,
  maidens: count,
  runs: count,
  wickets: count.max(10),
  wides: count.nullable(),
  noBalls: count.nullable(),
  economy: figure.nullable(),
});
export type Bowler = z.infer<typeof Bowler>;

export const InningsTotal = z.object({
  runs: count,
  wickets: count.max(10),
  overs: Overs.nullable(),
  /** The total as the site printed it, e.g. "176 for 4 (38.2 Overs, 164 mins)". */
  text: z.string(),
});
export type InningsTotal = z.infer<typeof InningsTotal>;

export const Innings = z.object({
  /** The batting side, " CC" suffix dropped. */
  team: z.string().min(1),
  batting: z.array(Batter),
  extras: count.nullable(),
  total: InningsTotal,
  fallOfWickets: z.string(),
  bowling: z.array(Bowler),
});
export type Innings = z.infer<typeof Innings>;

export const MatchStatus = z.enum(['not-started', 'in-progress', 'complete']);
export type MatchStatus = z.infer<typeof MatchStatus>;

export const Scorecard = z.object({
  schemaVersion: z.literal(1),
  matchId: MatchId,
  teamId: TeamId,
  url: HttpUrl,
  capturedAt: IsoDateTime,
  /** The scraper's per-page counter; with capturedAt it orders scorecards of one match. */
  seq: count.default(0),
  status: MatchStatus,
  /** e.g. "Cleckheaton WON BY 8 WICKETS", "MATCH TIED", "MATCH ABANDONED"; null until there is one. */
  result: z.string().nullable(),
  innings: z.array(Innings),
});
export type Scorecard = z.infer<typeof Scorecard>;
export type ScorecardInput = z.input<typeof Scorecard>;

/**
 * Total order of one match's scorecards: later capture first, then higher seq.
 * Positive when `a` is newer than `b`, zero when they are the same capture.
 */
export function compareScorecards(
  a: Pick<Scorecard, 'capturedAt' | 'seq'>,
  b: Pick<Scorecard, 'capturedAt' | 'seq'>,
): number {
  const at = Date.parse(a.capturedAt) - Date.parse(b.capturedAt);
  return at !== 0 ? at : a.seq - b.seq;
}
