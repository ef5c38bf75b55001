import type { NotificationRules, Scorecard } from '@live-scores/schema';
import type { Moment } from '../moments.ts';

type OutcomeMoment = Extract<Moment, { kind: 'result' | 'abandoned' }>;

/** The league's words for a match called off rather than played out. */
const ABANDONED = /\b(ABANDONED|CANCELL?ED)\b/i;

/**
 * The end of the match, once: its result, or its abandonment (each under its own rule). The
 * two share one event id, so a match is never told both.
 */
export function detectOutcome(
  scorecard: Scorecard,
  sent: boolean,
  rules: NotificationRules,
): { moments: OutcomeMoment[]; sent: boolean } {
  if (scorecard.status !== 'complete' || sent) return { moments: [], sent };
  const { result, innings } = scorecard;
  if (result !== null && ABANDONED.test(result))
    return { moments: rules.abandoned ? [{ kind: 'abandoned', result, innings }] : [], sent: true };
  return { moments: rules.result ? [{ kind: 'result', result, innings }] : [], sent: true };
}
