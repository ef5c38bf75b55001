import { z } from 'zod';
import { MatchId } from '@live-scores/schema';

/** A DOM change the browser applied, as the match page reports it (the freshness benchmark's start). */
export const AppliedChange = z.object({
  matchId: MatchId,
  version: z.number().int().nonnegative(),
  /** Browser `Date.now()` when the change was in the DOM. */
  appliedAt: z.number().int().positive(),
});
export type AppliedChange = z.infer<typeof AppliedChange>;

/** When the server revealed a version (published it to the pages' live feed). */
export interface ProducedVersion {
  matchId: string;
  version: number;
  producedAt: number;
}
