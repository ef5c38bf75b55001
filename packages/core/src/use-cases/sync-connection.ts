import type { Scorecard } from '@live-scores/schema';
import type { ConnectionSender, ConnectionStore } from '../ports/connections.ts';
import type { CurrentScorecards } from '../ports/current-scorecards.ts';
import { defaultScorecardUrl, liveMessageFor } from './live-message.ts';

export interface SyncDeps {
  scorecards: CurrentScorecards;
  sender: ConnectionSender;
  /** When given, a connection found gone is removed; otherwise `$disconnect` and the TTL see to it. */
  connections?: ConnectionStore;
}

/**
 * Replies to a page's `{ "action": "sync" }` with one `{ type: "scorecard" }` frame per
 * current scorecard, the same frames a broadcast sends. Returns how many were sent.
 */
export async function syncConnection(
  deps: SyncDeps,
  connectionId: string,
  options: { fetchUrl?: (scorecard: Scorecard) => string } = {},
): Promise<number> {
  const fetchUrl = options.fetchUrl ?? defaultScorecardUrl;
  let sent = 0;
  for (const scorecard of await deps.scorecards.list()) {
    const outcome = await deps.sender.send(connectionId, liveMessageFor(scorecard, { fetchUrl }));
    if (outcome === 'gone') {
      await deps.connections?.remove(connectionId);
      break;
    }
    if (outcome === 'sent') sent++;
  }
  return sent;
}
