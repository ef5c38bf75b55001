import type { OverHistory } from '@live-scores/schema';
import { isNewerScorecard } from '../scoreboard/latest-scorecards.ts';

/**
 * The newest over history of each match, by `upTo`: the socket and the HTTP fetch race each
 * other and either can be late or repeated, so an older history never replaces a newer one.
 */
export class LatestOverHistories {
  readonly #byMatch = new Map<string, OverHistory>();

  /** Keeps the history if it is newer than the one held; says whether it did. */
  offer(history: OverHistory): boolean {
    const held = this.#byMatch.get(history.matchId);
    if (held && !isNewerScorecard(history.upTo, held.upTo)) return false;
    this.#byMatch.set(history.matchId, history);
    return true;
  }

  get(matchId: string): OverHistory | undefined {
    return this.#byMatch.get(matchId);
  }
}
