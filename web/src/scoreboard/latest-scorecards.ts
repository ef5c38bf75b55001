import type { Scorecard } from '@live-scores/schema';

/**
 * Whether `next` is a later capture of the match than `current`: the same order as
 * `compareScorecards` in @live-scores/schema, restated here because importing that module
 * would pull zod (57 KB gzipped) into the page bundle.
 */
export function isNewerScorecard(
  next: Pick<Scorecard, 'capturedAt' | 'seq'>,
  current: Pick<Scorecard, 'capturedAt' | 'seq'>,
): boolean {
  const at = Date.parse(next.capturedAt) - Date.parse(current.capturedAt);
  return at !== 0 ? at > 0 : (next.seq ?? 0) > (current.seq ?? 0);
}

/** The outcome of offering a scorecard: the one it replaced, or why it was not taken. */
export type Offer =
  | { accepted: true; previous: Scorecard | undefined }
  | { accepted: false; reason: 'older' | 'same' };

/**
 * The newest scorecard of each match. Messages can arrive out of order (a resync racing a
 * broadcast, a redelivery), so an older capture never replaces a newer one.
 */
export class LatestScorecards {
  readonly #byMatch = new Map<string, Scorecard>();

  offer(scorecard: Scorecard): Offer {
    const current = this.#byMatch.get(scorecard.matchId);
    if (current && !isNewerScorecard(scorecard, current)) {
      const same = current.capturedAt === scorecard.capturedAt && current.seq === scorecard.seq;
      return { accepted: false, reason: same ? 'same' : 'older' };
    }
    this.#byMatch.set(scorecard.matchId, scorecard);
    return { accepted: true, previous: current };
  }

  get(matchId: string): Scorecard | undefined {
    return this.#byMatch.get(matchId);
  }

  /** All matches, grouped by team in first-seen order. */
  byTeam(): Map<string, Scorecard[]> {
    const teams = new Map<string, Scorecard[]>();
    for (const scorecard of this.#byMatch.values()) {
      const list = teams.get(scorecard.teamId) ?? [];
      list.push(scorecard);
      teams.set(scorecard.teamId, list);
    }
    return teams;
  }

  /** Whether any match is being played: only then can the page's data go stale. */
  anyInProgress(): boolean {
    return [...this.#byMatch.values()].some((s) => s.status === 'in-progress');
  }
}
