import { z } from 'zod';
import { HttpUrl, IsoDateTime, MatchId, TeamId } from './ids.ts';

/** What the scraper captured of one match page at one moment (scraper → html queue). */
export const ScorecardHtml = z.object({
  matchId: MatchId,
  teamId: TeamId,
  url: HttpUrl,
  capturedAt: IsoDateTime,
  /** Per-page counter, increasing with every emitted change (restarts are ordered by capturedAt). */
  seq: z.number().int().nonnegative(),
  headerHtml: z.string(),
  scorecardHtml: z.string(),
});
export type ScorecardHtml = z.infer<typeof ScorecardHtml>;
