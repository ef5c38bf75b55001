import type { Detector, Moment } from '../moments.ts';
import { highestReached } from './milestones.ts';

type BowlingMoment = Extract<Moment, { kind: 'bowling-milestone' }>;

/** A bowler reaching 5 wickets, 10, … (as configured). */
export const detectBowlingMilestones: Detector<BowlingMoment> = (view, progress, rules) => {
  const bowling = { ...progress.bowling };
  const moments: BowlingMoment[] = [];
  view.innings.bowling.forEach((bowler, i) => {
    const key = view.bowlingKeys[i]!;
    const reached = highestReached(rules.bowlingMilestones, bowler.wickets);
    if (reached > (bowling[key] ?? 0)) {
      bowling[key] = reached;
      moments.push({ kind: 'bowling-milestone', at: view, milestone: reached, bowler, key });
    }
  });
  return { moments, progress: { ...progress, bowling } };
};
