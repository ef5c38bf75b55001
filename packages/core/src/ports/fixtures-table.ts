import type { Fixture, FixtureRecord, MatchDay } from '@live-scores/schema';

/** How long a fixture is kept: the table only ever needs today's. */
export const FIXTURE_TTL_SECONDS = 24 * 60 * 60;

/**
 * The day's matches and who watches them (DynamoDB with a stream, or a local file).
 * Reads are strongly consistent: a read that starts after a write resolved sees it, which
 * is what lets teardown decide "nothing left live" without a counter.
 */
export interface FixturesTable {
  /**
   * Records a fixture once per (date, matchId), conditionally: `true` only for the call
   * that created it. Later calls (find-fixtures runs many times a day) change nothing.
   */
  putIfNew(fixture: Fixture): Promise<boolean>;
  get(date: MatchDay, matchId: string): Promise<FixtureRecord | undefined>;
  /**
   * Marks a match complete, conditionally on it being live: the record after the call,
   * and whether this call made the change (`false` for a duplicate). Undefined when the
   * match is not in the table.
   */
  markComplete(
    date: MatchDay,
    matchId: string,
    completedAt: string,
  ): Promise<{ record: FixtureRecord; changed: boolean } | undefined>;
  /** Records which scraper host watches a match. */
  assignHost(date: MatchDay, matchId: string, hostId: string): Promise<void>;
  listDay(date: MatchDay): Promise<FixtureRecord[]>;
  /** The day's matches not yet complete. */
  listLive(date: MatchDay): Promise<FixtureRecord[]>;
}
