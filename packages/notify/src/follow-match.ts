import type { NotificationRules, Scorecard } from '@live-scores/schema';
import { isInningsOver } from './cricket.ts';
import { followInnings } from './follow-innings.ts';
import type { Moment } from './moments.ts';
import { playerKeys } from './player-keys.ts';
import { detectMatchState } from './detectors/match-state.ts';
import { detectOutcome } from './detectors/outcome.ts';
import { emptyProgress, matchStateOf, type RulesState } from './rules-state.ts';

/**
 * Everything in `scorecard` that `state` has not yet seen, innings by innings, then the result.
 * The returned state has moved on to this scorecard; innings the state knows but this scorecard
 * lacks (a scorer's glitch) are kept, because state never goes back.
 */
export function followMatch(
  state: RulesState,
  scorecard: Scorecard,
  rules: NotificationRules,
): { moments: Moment[]; state: RulesState } {
  const last = { capturedAt: scorecard.capturedAt, seq: scorecard.seq };
  if (scorecard.status === 'not-started') return { moments: [], state: { ...state, last } };

  const matchState = detectMatchState(scorecard, matchStateOf(state), rules);
  const moments: Moment[] = matchState.moments.filter((m) => m.kind === 'play-started');
  const innings = [...state.innings];
  scorecard.innings.forEach((current, index) => {
    const view = {
      number: index + 1,
      innings: current,
      battingKeys: playerKeys(current.batting.map((b) => b.name)),
      bowlingKeys: playerKeys(current.bowling.map((b) => b.name)),
      over: isInningsOver(scorecard, index),
    };
    const followed = followInnings(view, innings[index] ?? emptyProgress(), rules);
    moments.push(...followed.moments);
    innings[index] = followed.progress;
    // The break follows the first innings' own moments, before anything of the chase.
    if (index === 0) moments.push(...matchState.moments.filter((m) => m.kind === 'innings-break'));
  });

  const outcome = detectOutcome(scorecard, state.resultSent, rules);
  moments.push(...outcome.moments);
  return {
    moments,
    state: { ...state, last, innings, resultSent: outcome.sent, matchState: matchState.progress },
  };
}
