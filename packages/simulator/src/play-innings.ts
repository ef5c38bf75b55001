import { BowlingAttack, maxOversPerBowler } from './bowling-attack.ts';
import { ball, newBatterSeconds } from './delivery.ts';
import type { InningsState } from './innings.ts';
import { applyBall, startInnings, stopInnings } from './innings.ts';
import type { Random } from './random.ts';

export interface Side {
  /** As the site names the club, e.g. "Scholes CC". */
  club: string;
  /** As the fixtures page and header show the team, e.g. "Scholes CC - 1st XI". */
  text: string;
  /** Eleven names in batting order; the last six bowl, the fifth keeps wicket. */
  players: readonly string[];
}

export interface InningsPlan {
  batting: Side;
  fielding: Side;
  oversPerSide: number;
  target: number | null;
  /** Stop (rain) once this many legal balls have been bowled. */
  stopAfterLegalBalls?: number;
}

/** Every state of one innings, one per delivery, ending with the completed innings. */
export function playInnings(random: Random, plan: InningsPlan): InningsState[] {
  const players = plan.fielding.players;
  const keeper = players[4] as string;
  const attack = new BowlingAttack(
    random.fork('attack'),
    players.slice(5).reverse(),
    maxOversPerBowler(plan.oversPerSide),
  );
  const fielding = { players, keeper };
  const deliveries = random.fork('deliveries');

  let state = startInnings({
    club: plan.batting.club,
    fieldingClub: plan.fielding.club,
    players: plan.batting.players,
    maxOvers: plan.oversPerSide,
    target: plan.target,
  });
  const states: InningsState[] = [];
  let walkIn = 0;
  // Bounded: an innings has at most 6 legal balls per over, and extras are rare.
  const maxDeliveries = plan.oversPerSide * 6 * 3;
  while (!state.end && states.length < maxDeliveries) {
    if (plan.stopAfterLegalBalls !== undefined && state.legalBalls >= plan.stopAfterLegalBalls) {
      state = stopInnings(state);
      states[states.length - 1] = state;
      break;
    }
    const bowler = state.currentBowler ?? attack.nextOver();
    const next = ball(deliveries, state, fielding, bowler);
    next.seconds += walkIn;
    const wicketsBefore = state.wickets;
    const retiredBefore = state.batters.filter((b) => b.status === 'retired').length;
    state = applyBall(state, next);
    const retiredAfter = state.batters.filter((b) => b.status === 'retired').length;
    walkIn = state.wickets > wicketsBefore || retiredAfter > retiredBefore ? newBatterSeconds(deliveries) : 0;
    states.push(state);
  }
  if (!state.end) throw new Error('an innings did not finish within its deliveries');
  return states;
}
