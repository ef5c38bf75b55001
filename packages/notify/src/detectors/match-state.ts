import type { NotificationRules, Scorecard } from '@live-scores/schema';
import { hasStarted, isInningsOver } from '../cricket.ts';
import type { Moment } from '../moments.ts';
import type { MatchStateProgress } from '../rules-state.ts';

type MatchStateMoment = Extract<Moment, { kind: 'play-started' | 'innings-break' }>;

/**
 * The match's own moments: the first ball, and the break after the first innings with the
 * target. Each is passed once, whether its rule tells it or not, so turning a rule on later
 * never replays it. A break that comes with the end of the match is left to the result.
 */
export function detectMatchState(
  scorecard: Scorecard,
  progress: MatchStateProgress,
  rules: NotificationRules,
): { moments: MatchStateMoment[]; progress: MatchStateProgress } {
  const moments: MatchStateMoment[] = [];
  const first = scorecard.innings[0];
  const live = scorecard.status === 'in-progress';
  let { playStarted, inningsBreak } = progress;

  if (!playStarted && first !== undefined && scorecard.innings.some(hasStarted)) {
    playStarted = true;
    if (rules.playStarted && live && hasStarted(first))
      moments.push({ kind: 'play-started', innings: first });
  }
  if (!inningsBreak && first !== undefined && isInningsOver(scorecard, 0)) {
    inningsBreak = true;
    // Two innings make a one-day match, where the first sets the target; longer games have no single target.
    const oneDay = scorecard.innings.length <= 2;
    if (rules.inningsBreak && live && oneDay && hasStarted(first)) {
      const chasing = scorecard.innings[1]?.team ?? null;
      moments.push({ kind: 'innings-break', first, chasing, target: first.total.runs + 1 });
    }
  }
  return { moments, progress: { playStarted, inningsBreak } };
}
