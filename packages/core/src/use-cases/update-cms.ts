import type { Scorecard } from '@live-scores/schema';
import type { Logger } from '../logger.ts';
import { matchDay } from '../match-day.ts';
import type { Cms, CmsOutcome } from '../ports/cms.ts';
import { isGameOver } from './is-game-over.ts';

export interface UpdateCmsDeps {
  /** Undefined when the club has no CMS configured: the use case then does nothing. */
  cms: Cms | undefined;
  logger: Logger;
}

export interface UpdateCmsOptions {
  /** The club's time zone: the fixture is found by its match day there. */
  timeZone: string;
}

export type UpdateCmsOutcome = CmsOutcome | 'disabled' | 'not-final';

/**
 * Records a finished match's result against the club's fixture. Exactly once per match:
 * the CMS adapter's write is guarded by the match id, so duplicates and replays report
 * `already-recorded`. Anything but a final scorecard with a result is ignored.
 */
export async function updateCms(
  deps: UpdateCmsDeps,
  scorecard: Scorecard,
  options: UpdateCmsOptions,
): Promise<UpdateCmsOutcome> {
  const fields = { matchId: scorecard.matchId, teamId: scorecard.teamId };
  if (!deps.cms) {
    deps.logger.debug('cms not configured; result not recorded', fields);
    return 'disabled';
  }
  if (!isGameOver(scorecard) || scorecard.result === null) {
    deps.logger.warn('scorecard is not a final result; cms left alone', {
      ...fields,
      status: scorecard.status,
    });
    return 'not-final';
  }
  const outcome = await deps.cms.recordResult({
    teamId: scorecard.teamId,
    date: matchDay(scorecard.capturedAt, options.timeZone),
    matchId: scorecard.matchId,
    result: scorecard.result,
    scorecardUrl: scorecard.url,
  });
  const log = outcome === 'fixture-not-found' ? deps.logger.warn : deps.logger.info;
  log('cms result', { ...fields, outcome, result: scorecard.result });
  return outcome;
}
