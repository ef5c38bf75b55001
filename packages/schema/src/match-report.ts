import { z } from 'zod';
import { IsoDateTime, MatchId, TeamId } from './ids.ts';

/** Who wrote the words: the deterministic template, or the language model after its text passed the checks. */
export const ReportAuthor = z.enum(['template', 'llm']);
export type ReportAuthor = z.infer<typeof ReportAuthor>;

/** Longest title and body a report may have, whoever wrote it. */
export const REPORT_LIMITS = { title: 120, body: 2400 } as const;

/** The match report, written once at game over: stored, served at `/api/matches/:matchId/report`, sent to the CMS. */
export const MatchReport = z.object({
  matchId: MatchId,
  teamId: TeamId,
  title: z.string().min(1).max(REPORT_LIMITS.title),
  body: z.string().min(1).max(REPORT_LIMITS.body),
  generatedBy: ReportAuthor,
  createdAt: IsoDateTime,
});
export type MatchReport = z.infer<typeof MatchReport>;

/** Where a match's report is kept in the object store (the bucket, or the data dir locally). */
export function matchReportKey(matchId: string): string {
  return `matches/${matchId}/report.json`;
}

/** The page path that serves a match's report. */
export function matchReportPath(matchId: string): string {
  return `/api/matches/${encodeURIComponent(matchId)}/report`;
}
