import { z } from 'zod';
import { HttpUrl, MatchId, TeamId, oneLineReason } from '@live-scores/schema';

/** One match to watch, for one of the club's teams. */
export const WatchTarget = z.object({ url: HttpUrl, matchId: MatchId, teamId: TeamId });
export type WatchTarget = z.infer<typeof WatchTarget>;

/** The match id a match URL ends with (`…/website/results/6123456` → `6123456`). */
export function matchIdFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  return path.match(/(\d+)\/?$/)?.[1];
}

/** A valid target, or an Error with a one-line reason. */
export function parseWatchTarget(input: unknown): WatchTarget {
  const result = WatchTarget.safeParse(input);
  if (!result.success) throw new Error(`invalid match to watch: ${oneLineReason(result.error)}`);
  return result.data;
}
