import type { NotificationRules } from '@live-scores/schema';
import { detectBattingMilestones } from './detectors/batting-milestones.ts';
import { detectBowlingMilestones } from './detectors/bowling-milestones.ts';
import { detectInningsEnd } from './detectors/innings-end.ts';
import { detectOvers } from './detectors/overs.ts';
import { detectWickets } from './detectors/wickets.ts';
import type { InningsView, Moment } from './moments.ts';
import type { InningsProgress } from './rules-state.ts';

/**
 * Runs every detector over one innings and puts what they found in match order: each wicket
 * after any milestone the same batter reached before getting out, then the other batters'
 * milestones, the bowlers', the score (which already includes all of it) and the innings end.
 * When the innings ends in this update its end event carries the score, so no overs event joins it.
 */
export function followInnings(
  view: InningsView,
  progress: InningsProgress,
  rules: NotificationRules,
): { moments: Moment[]; progress: InningsProgress } {
  const wickets = detectWickets(view, progress, rules);
  const batting = detectBattingMilestones(view, wickets.progress, rules);
  const bowling = detectBowlingMilestones(view, batting.progress, rules);
  const overs = detectOvers(view, bowling.progress, rules);
  const end = detectInningsEnd(view, overs.progress, rules);

  const dismissedNow = new Set(wickets.moments.map((w) => w.key));
  const milestonesOf = (key: string) => batting.moments.filter((m) => m.key === key);
  const moments: Moment[] = [
    ...wickets.moments.flatMap((w) => [...milestonesOf(w.key), w]),
    ...batting.moments.filter((m) => !dismissedNow.has(m.key)),
    ...bowling.moments,
    ...(end.moments.length > 0 ? [] : overs.moments),
    ...end.moments,
  ];
  return { moments, progress: end.progress };
}
