import type { MatchReport } from '@live-scores/schema';

/** `written`: this call stored the report; `exists`: the match already had one, left as it was. */
export type PutReportOutcome = 'written' | 'exists';

/**
 * Match reports, one per match (`matches/<matchId>/report.json`). `putIfAbsent` is a
 * create-only write: of two racing deliveries one stores its report and the other gets
 * `exists`, so a report is never rewritten.
 */
export interface ReportStore {
  get(matchId: string): Promise<MatchReport | undefined>;
  putIfAbsent(report: MatchReport): Promise<PutReportOutcome>;
}
