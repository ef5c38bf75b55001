import type { Detector, Moment } from '../moments.ts';
import { highestReached } from './milestones.ts';

type BattingMoment = Extract<Moment, { kind: 'batting-milestone' }>;

/** A batter passing 50, 100, … (as configured); a scorer's correction downwards never re-arms it. */
export const detectBattingMilestones: Detector<BattingMoment> = (view, progress, rules) => {
  const batting = { ...progress.batting };
  const moments: BattingMoment[] = [];
  view.innings.batting.forEach((batter, i) => {
    const key = view.battingKeys[i]!;
    const reached = highestReached(rules.battingMilestones, batter.runs ?? 0);
    if (reached > (batting[key] ?? 0)) {
      batting[key] = reached;
      moments.push({ kind: 'batting-milestone', at: view, milestone: reached, batter, key });
    }
  });
  return { moments, progress: { ...progress, batting } };
};
