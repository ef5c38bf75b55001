import {
  checkReportText,
  reportFacts,
  templateReport,
  type ReportFacts,
  type ReportNaming,
  type ReportText,
} from '@live-scores/notify';
import type { ConfigFile, MatchReport, ReportAuthor, Scorecard } from '@live-scores/schema';
import type { Logger } from '../logger.ts';
import { matchDay } from '../match-day.ts';
import type { Clock } from '../ports/clock.ts';
import type { Cms, CmsOutcome } from '../ports/cms.ts';
import type { ReportModel } from '../ports/report-model.ts';
import type { ReportStore } from '../ports/report-store.ts';
import { isGameOver } from './is-game-over.ts';

export interface WriteMatchReportDeps {
  reports: ReportStore;
  /** Undefined when no model is configured: the deterministic report is used. */
  model: ReportModel | undefined;
  /** Undefined when the club has no CMS. */
  cms: Cms | undefined;
  clock: Clock;
  logger: Logger;
}

export interface WriteMatchReportOptions {
  /** The club's and the team's names as the report says them (`reportNamingFor`). */
  naming: ReportNaming;
  /** The club's time zone: the CMS fixture is found by its match day there. */
  timeZone: string;
}

export type WriteMatchReportOutcome =
  | { kind: 'not-final' }
  | {
      kind: 'written' | 'already-written';
      report: MatchReport;
      cms: CmsOutcome | 'disabled';
    };

/** How the report names the club's team when the card has no innings: "Cleckheaton 1st XI". */
export function reportNamingFor(config: Pick<ConfigFile, 'club' | 'teams'>, teamId: string): ReportNaming {
  const team = config.teams.find((t) => t.id === teamId);
  if (!team) throw new Error(`team ${teamId} is not configured`);
  return { clubName: config.club.shortName ?? config.club.name, teamLabel: team.label };
}

/** The model's text when it passes the checks, else the template's; never throws. */
async function chooseText(
  facts: ReportFacts,
  draft: ReportText,
  model: ReportModel | undefined,
  logger: Logger,
  fields: Record<string, string>,
): Promise<{ text: ReportText; by: ReportAuthor }> {
  if (!model) return { text: draft, by: 'template' };
  try {
    const text = await model.rewrite(facts, draft);
    const check = checkReportText(text, facts);
    if (check.ok) return { text: { title: text.title.trim(), body: text.body.trim() }, by: 'llm' };
    logger.warn('model report refused; using the template', { ...fields, reason: check.reason });
  } catch (error) {
    logger.warn('model report failed; using the template', { ...fields, error });
  }
  return { text: draft, by: 'template' };
}

/**
 * Writes a finished match's report once: from the final scorecard's facts, retold by the
 * model when one is configured and its text passes the checks, else by the template. The
 * store's create-only write makes it once per match: a redelivery finds the stored report
 * and neither calls the model nor writes again. The CMS gets the stored report (whichever
 * delivery wrote it); its own match-id guard keeps that to one write, and lets a delivery
 * whose CMS call failed finish the job on retry.
 */
export async function writeMatchReport(
  deps: WriteMatchReportDeps,
  scorecard: Scorecard,
  options: WriteMatchReportOptions,
): Promise<WriteMatchReportOutcome> {
  const fields = { matchId: scorecard.matchId, teamId: scorecard.teamId };
  if (!isGameOver(scorecard)) return { kind: 'not-final' };

  let report = await deps.reports.get(scorecard.matchId);
  let kind: 'written' | 'already-written' = 'already-written';
  if (!report) {
    const facts = reportFacts(scorecard, options.naming);
    const { text, by } = await chooseText(facts, templateReport(facts), deps.model, deps.logger, fields);
    const fresh: MatchReport = {
      ...fields,
      ...text,
      generatedBy: by,
      createdAt: deps.clock.now().toISOString(),
    };
    if ((await deps.reports.putIfAbsent(fresh)) === 'written') {
      report = fresh;
      kind = 'written';
    } else {
      report = await deps.reports.get(scorecard.matchId);
      if (!report) throw new Error(`report of match ${scorecard.matchId} exists but cannot be read`);
    }
  }
  deps.logger.info(kind === 'written' ? 'match report written' : 'match report already written', {
    ...fields,
    generatedBy: report.generatedBy,
  });

  const cms = deps.cms
    ? await deps.cms.recordReport({
        teamId: report.teamId,
        date: matchDay(scorecard.capturedAt, options.timeZone),
        matchId: report.matchId,
        title: report.title,
        body: report.body,
      })
    : 'disabled';
  if (cms !== 'disabled')
    (cms === 'fixture-not-found' ? deps.logger.warn : deps.logger.info)('cms report', {
      ...fields,
      outcome: cms,
    });
  return { kind, report, cms };
}
