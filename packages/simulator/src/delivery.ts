import type { Ball, Delivery, InningsState } from './innings.ts';
import { BALLS_PER_OVER, hasWaitingBatter } from './innings.ts';
import type { Random } from './random.ts';

/**
 * What happens on one delivery, drawn from club-cricket frequencies: about 4.7 an
 * over, a wicket every 30 balls or so, more boundaries and wickets at the death.
 */

type Phase = 'powerplay' | 'middle' | 'death';

const BAT_RUNS: Record<Phase, readonly (readonly [number, number])[]> = {
  powerplay: [
    [0, 63],
    [1, 20],
    [2, 5],
    [3, 1],
    [4, 9],
    [6, 2],
  ],
  middle: [
    [0, 58],
    [1, 27],
    [2, 6],
    [3, 1],
    [4, 6.5],
    [6, 1.5],
  ],
  death: [
    [0, 45],
    [1, 30],
    [2, 8],
    [3, 1],
    [4, 11],
    [6, 5],
  ],
};

const WICKET_CHANCE: Record<Phase, number> = { powerplay: 0.03, middle: 0.032, death: 0.05 };

const DISMISSALS = [
  ['caught', 48],
  ['bowled', 22],
  ['lbw', 14],
  ['run-out', 9],
  ['stumped', 5],
  ['hit-wicket', 2],
] as const;

export interface Fielding {
  players: readonly string[];
  keeper: string;
}

function phaseOf(state: InningsState): Phase {
  const over = Math.floor(state.legalBalls / BALLS_PER_OVER);
  if (over < 10) return 'powerplay';
  return over >= state.maxOvers - 10 ? 'death' : 'middle';
}

function fielderFor(random: Random, fielding: Fielding, bowler: string): string {
  if (random.chance(0.25)) return fielding.keeper;
  if (random.chance(0.06)) return bowler;
  return random.pick(fielding.players.filter((p) => p !== bowler && p !== fielding.keeper));
}

function dismissal(random: Random, fielding: Fielding, bowler: string): Delivery {
  const how = random.weighted(DISMISSALS);
  switch (how) {
    case 'caught':
      return { kind: 'out', how, fielder: fielderFor(random, fielding, bowler) };
    case 'stumped':
      return { kind: 'out', how, fielder: fielding.keeper };
    case 'run-out':
      return {
        kind: 'run-out',
        completed: random.weighted([
          [0, 5],
          [1, 4],
          [2, 1],
        ]),
        batter: random.chance(0.6) ? 'striker' : 'non-striker',
        fielder: random.pick(fielding.players.filter((p) => p !== bowler)),
      };
    default:
      return { kind: 'out', how, fielder: null };
  }
}

export function chooseDelivery(
  random: Random,
  state: InningsState,
  fielding: Fielding,
  bowler: string,
): Delivery {
  const phase = phaseOf(state);
  if (random.chance(0.03))
    return {
      kind: 'wide',
      runs: random.weighted([
        [1, 90],
        [2, 3],
        [5, 7],
      ]),
    };
  if (random.chance(0.01)) return { kind: 'no-ball', batRuns: random.weighted(BAT_RUNS[phase]) };
  if (random.chance(WICKET_CHANCE[phase])) return dismissal(random, fielding, bowler);
  if (random.chance(0.0005) && hasWaitingBatter(state)) return { kind: 'retired-hurt' };
  if (random.chance(0.006))
    return {
      kind: 'bye',
      runs: random.weighted([
        [1, 70],
        [2, 10],
        [4, 20],
      ]),
    };
  if (random.chance(0.012))
    return {
      kind: 'leg-bye',
      runs: random.weighted([
        [1, 75],
        [2, 10],
        [4, 15],
      ]),
    };
  return { kind: 'bat', runs: random.weighted(BAT_RUNS[phase]) };
}

/**
 * Seconds a delivery takes, counted from the end of the one before: about 26 s a ball,
 * a minute between overs, two while a new batter walks in. A 50-over match with its
 * innings break comes to about seven hours, like the real thing.
 */
export function deliverySeconds(random: Random, state: InningsState, delivery: Delivery): number {
  let seconds = random.int(20, 32);
  if (state.legalBalls > 0 && state.legalBalls % BALLS_PER_OVER === 0 && state.currentBowler === null) {
    seconds += random.int(40, 70);
  }
  if ((delivery.kind === 'bat' && delivery.runs >= 4) || delivery.kind === 'wide')
    seconds += random.int(3, 10);
  return seconds;
}

/** The pause after a wicket or retirement while the next batter walks in. */
export function newBatterSeconds(random: Random): number {
  return random.int(90, 150);
}

export function ball(random: Random, state: InningsState, fielding: Fielding, bowler: string): Ball {
  const delivery = chooseDelivery(random, state, fielding, bowler);
  return { bowler, delivery, seconds: deliverySeconds(random, state, delivery) };
}
