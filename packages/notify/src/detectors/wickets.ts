import { isDismissal } from '../cricket.ts';
import { orderByFall } from '../fall-of-wickets.ts';
import type { Detector, Moment } from '../moments.ts';

type WicketMoment = Extract<Moment, { kind: 'wicket' }>;

/**
 * Each newly dismissed batter is one wicket, numbered after those already counted, so two
 * wickets in one update are two events in the order they fell.
 */
export const detectWickets: Detector<WicketMoment> = (view, progress, rules) => {
  const counted = new Set(progress.dismissed);
  const fresh = view.innings.batting
    .map((batter, i) => ({ name: batter.name, batter, key: view.battingKeys[i]! }))
    .filter((b) => isDismissal(b.batter) && !counted.has(b.key));
  const fallen = orderByFall(fresh, view.innings.fallOfWickets);
  const moments = fallen.map(
    (b, i): WicketMoment => ({
      kind: 'wicket',
      at: view,
      wicket: progress.dismissed.length + i + 1,
      batter: b.batter,
      key: b.key,
    }),
  );
  return {
    moments: rules.wickets ? moments : [],
    progress: { ...progress, dismissed: [...progress.dismissed, ...fallen.map((b) => b.key)] },
  };
};
