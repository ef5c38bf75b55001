import { compareScorecards } from '@live-scores/schema';
import type { CurrentScorecards, ScorecardStore } from '@live-scores/core';
import type { SqliteBroadcastWatermark } from '@live-scores/local';

/**
 * What a page that connects or resyncs is sent: each of today's matches as stored, or as it
 * was last broadcast when that is newer. Storing and broadcasting are two consumers of the
 * topic, so the broadcast can be ahead of the store; a page must never be sent a card older
 * than one it was already sent, and the card it holds is then the base of the next diff.
 */
export function currentScorecards(
  store: Pick<ScorecardStore, 'listDay'>,
  broadcast: Pick<SqliteBroadcastWatermark, 'lastBroadcast'>,
  today: () => string,
): CurrentScorecards {
  return {
    async list() {
      return (await store.listDay(today())).map((stored) => {
        const sent = broadcast.lastBroadcast(stored.matchId);
        return sent && compareScorecards(sent, stored) > 0 ? sent : stored;
      });
    },
  };
}
