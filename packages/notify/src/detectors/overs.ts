import { completedOvers } from '../cricket.ts';
import type { Detector, Moment } from '../moments.ts';

type OversMoment = Extract<Moment, { kind: 'overs' }>;

/**
 * The score every N completed overs of an innings. A jump past several thresholds tells only the
 * latest: the earlier ones would show the same (current) score under a wrong heading.
 */
export const detectOvers: Detector<OversMoment> = (view, progress, rules) => {
  const interval = rules.oversInterval;
  if (interval === 0) return { moments: [], progress };
  const threshold = Math.floor(completedOvers(view.innings.total.overs) / interval) * interval;
  if (threshold <= progress.overs) return { moments: [], progress };
  return {
    moments: [{ kind: 'overs', at: view, overs: threshold }],
    progress: { ...progress, overs: threshold },
  };
};
