import { hasStarted } from '../cricket.ts';
import type { Detector, Moment } from '../moments.ts';

type InningsEndMoment = Extract<Moment, { kind: 'innings-end' }>;

/** Once per innings, when it is over; an innings that never got a ball in ends silently. */
export const detectInningsEnd: Detector<InningsEndMoment> = (view, progress, rules) => {
  if (!view.over || progress.ended) return { moments: [], progress };
  const tell = rules.inningsEnd && hasStarted(view.innings);
  return {
    moments: tell ? [{ kind: 'innings-end', at: view }] : [],
    progress: { ...progress, ended: true },
  };
};
