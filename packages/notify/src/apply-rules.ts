import {
  compareScorecards,
  type NotificationEvent,
  type NotificationRules,
  type Scorecard,
} from '@live-scores/schema';
import { catchUp } from './catch-up.ts';
import { followMatch } from './follow-match.ts';
import type { RulesState } from './rules-state.ts';
import { toEvent } from './to-event.ts';

export interface ApplyRulesOptions {
  rules: NotificationRules;
  /** The club team as titles name it, e.g. "1st XI". */
  teamLabel: string;
  /** The club's short name, e.g. "Cleckheaton", put before the team label when given. */
  clubName?: string | undefined;
}

export interface ApplyRulesResult {
  events: NotificationEvent[];
  /** Store this and pass it back with the next scorecard of the match. */
  state: RulesState;
}

/**
 * The notification rules: what in `scorecard` is news, given what `previous` already told.
 * Pure: no clock, no I/O. A scorecard that is not newer than the last one applied (a duplicate
 * or a late delivery) yields nothing and hands `previous` back unchanged, so state never goes back.
 */
export function applyRules(
  previous: RulesState | undefined,
  scorecard: Scorecard,
  options: ApplyRulesOptions,
): ApplyRulesResult {
  if (previous !== undefined && previous.matchId !== scorecard.matchId) {
    throw new Error(
      `notification state is for match ${previous.matchId}, but the scorecard is for match ${scorecard.matchId}`,
    );
  }
  if (previous !== undefined && compareScorecards(scorecard, previous.last) <= 0) {
    return { events: [], state: previous };
  }
  const { moments, state } =
    previous === undefined
      ? catchUp(scorecard, options.rules)
      : followMatch(previous, scorecard, options.rules);
  const naming = { teamLabel: options.teamLabel, clubName: options.clubName };
  return { events: moments.map((m) => toEvent(m, scorecard, naming)), state };
}
