import type { OverHistory } from '@live-scores/schema';
import { isOverHistory } from './over-history-guard.ts';

/**
 * The page path of a match's over history: `matchOversPath` of @live-scores/schema, restated
 * because importing it would pull zod into the page (a test holds the two equal).
 */
export const oversPath = (matchId: string): string => `/api/matches/${encodeURIComponent(matchId)}/overs`;

/** A match's over history from the server, or null when it has none (yet) or answers nonsense. */
export async function fetchOverHistory(url: string, matchId: string): Promise<OverHistory | null> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) return null;
  const body: unknown = await response.json();
  return isOverHistory(body) && body.matchId === matchId ? body : null;
}
