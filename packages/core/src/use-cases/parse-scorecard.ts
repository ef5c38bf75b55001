import { parseScorecardHtml, ScorecardParseError } from '@live-scores/parser';
import { oneLineReason, ScorecardHtml, type Scorecard } from '@live-scores/schema';
import type { Logger } from '../logger.ts';
import type { ScorecardTopic } from '../ports/scorecard-topic.ts';

/** Why a captured page was refused; the queue retries it, then dead-letters it. */
export class UnreadablePageError extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadablePageError';
    this.reason = reason;
  }
}

export interface ParseScorecardDeps {
  topic: ScorecardTopic;
  logger: Logger;
}

/**
 * One html-queue message → a validated Scorecard on the topic. A message that is not a
 * ScorecardHtml, or a page that does not parse, throws: the queue retries it and then
 * dead-letters it, the reason is logged, and nothing downstream ever sees it.
 */
export async function parseScorecard(deps: ParseScorecardDeps, message: unknown): Promise<Scorecard> {
  const scorecard = toScorecard(message, deps.logger);
  await deps.topic.publish(scorecard);
  deps.logger.info('scorecard published', {
    matchId: scorecard.matchId,
    teamId: scorecard.teamId,
    seq: scorecard.seq,
    status: scorecard.status,
  });
  return scorecard;
}

function toScorecard(message: unknown, logger: Logger): Scorecard {
  const html = ScorecardHtml.safeParse(message);
  if (!html.success) {
    const reason = `not a ScorecardHtml message: ${oneLineReason(html.error)}`;
    logger.error('html message rejected', { reason });
    throw new UnreadablePageError(reason);
  }
  const { matchId, teamId, seq } = html.data;
  try {
    return parseScorecardHtml(html.data);
  } catch (error) {
    const reason = error instanceof ScorecardParseError ? error.reason : `parser failed: ${String(error)}`;
    logger.error('page did not parse', { matchId, teamId, seq, reason });
    throw new UnreadablePageError(reason);
  }
}
