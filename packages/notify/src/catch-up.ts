import type { NotificationRules, Scorecard } from '@live-scores/schema';
import { hasStarted } from './cricket.ts';
import { followMatch } from './follow-match.ts';
import type { Moment } from './moments.ts';
import type { RulesState } from './rules-state.ts';

/**
 * First sight of a match (no stored state): everything already on the card is marked as seen,
 * and supporters get at most one moment, never a burst of old wickets: the result of a finished
 * (or abandoned) match, or one summary of the score of a match under way.
 */
export function catchUp(
  scorecard: Scorecard,
  rules: NotificationRules,
): { moments: Moment[]; state: RulesState } {
  const fresh: RulesState = {
    version: 1,
    matchId: scorecard.matchId,
    last: { capturedAt: scorecard.capturedAt, seq: scorecard.seq },
    innings: [],
    resultSent: false,
    matchState: { playStarted: false, inningsBreak: false },
  };
  const { moments, state } = followMatch(fresh, scorecard, rules);
  return { moments: summarise(scorecard, moments, rules), state };
}

function summarise(scorecard: Scorecard, seen: Moment[], rules: NotificationRules): Moment[] {
  if (scorecard.status === 'complete')
    return seen.filter((m) => m.kind === 'result' || m.kind === 'abandoned');
  const latest = scorecard.innings.at(-1);
  const underWay = scorecard.status === 'in-progress' && scorecard.innings.some(hasStarted);
  if (latest === undefined || !underWay || rules.oversInterval === 0) return [];
  return [
    {
      kind: 'catch-up',
      at: { number: scorecard.innings.length, innings: latest },
      innings: scorecard.innings,
    },
  ];
}
