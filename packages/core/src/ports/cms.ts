import type { MatchDay } from '@live-scores/schema';

export interface MatchResultRecord {
  teamId: string;
  date: MatchDay;
  matchId: string;
  /** e.g. "Cleckheaton WON BY 8 WICKETS". */
  result: string;
  /** The league's match page. */
  scorecardUrl: string;
}

/** The match report for the fixture, beside the result. */
export interface MatchReportRecord {
  teamId: string;
  date: MatchDay;
  matchId: string;
  title: string;
  body: string;
}

/**
 * - `recorded`: this call wrote the result;
 * - `already-recorded`: the fixture already holds this match's result (a redelivery);
 * - `fixture-not-found`: the club's CMS has no fixture for that team and day.
 */
export type CmsOutcome = 'recorded' | 'already-recorded' | 'fixture-not-found';

/**
 * The club's website CMS. `recordResult` is exactly-once per match: the write is guarded
 * by the match id it stores, so a redelivered or concurrent call reports
 * `already-recorded` instead of writing again.
 */
export interface Cms {
  recordResult(record: MatchResultRecord): Promise<CmsOutcome>;
  /** Exactly once per match as well, guarded by a match id of its own (the report and the result arrive apart). */
  recordReport(record: MatchReportRecord): Promise<CmsOutcome>;
}
