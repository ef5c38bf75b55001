import type { ReportFacts, ReportText } from '@live-scores/notify';

/**
 * A language model that retells the facts of a match. It is given the facts and the
 * deterministic draft only; whatever it answers is checked before use, so an adapter
 * needs no checks of its own. Throws on any failure (timeout, HTTP error, bad answer).
 */
export interface ReportModel {
  rewrite(facts: ReportFacts, draft: ReportText): Promise<ReportText>;
}
