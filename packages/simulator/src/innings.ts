/**
 * One innings as the scorer keeps it, and the bookkeeping of one delivery.
 * Pure: `applyBall` returns a new state and never touches the one it was given,
 * so every snapshot in a match timeline stays valid ground truth.
 */

export type DismissalKind = 'bowled' | 'caught' | 'lbw' | 'stumped' | 'run-out' | 'hit-wicket';

export interface Dismissal {
  kind: DismissalKind;
  /** Credited bowler; null for a run out. */
  bowler: string | null;
  /** Catcher, keeper or thrower; null when nobody else was involved. */
  fielder: string | null;
}

export interface BatterState {
  name: string;
  status: 'waiting' | 'in' | 'out' | 'retired';
  runs: number;
  balls: number;
  fours: number;
  sixes: number;
  /** Innings seconds when the batter walked in; null while waiting. */
  arrivedAt: number | null;
  /** Innings seconds when the batter was out or retired. */
  leftAt: number | null;
  dismissal: Dismissal | null;
}

export interface BowlerState {
  name: string;
  legalBalls: number;
  maidens: number;
  /** Runs charged to the bowler: off the bat, wides and no-balls (never byes). */
  runs: number;
  wickets: number;
  /** Wide deliveries bowled. */
  wides: number;
  /** No-ball deliveries bowled. */
  noBalls: number;
}

export interface Extras {
  wides: number;
  noBalls: number;
  byes: number;
  legByes: number;
}

export interface FallOfWicket {
  wicket: number;
  runs: number;
  legalBalls: number;
  batter: string;
}

export type InningsEnd = 'all-out' | 'overs' | 'target' | 'stopped';

export interface InningsState {
  /** The batting club as the site names it, e.g. "Scholes CC". */
  club: string;
  fieldingClub: string;
  maxOvers: number;
  /** Runs needed to win (chases only). */
  target: number | null;
  batters: BatterState[];
  /** In the order they first bowled. */
  bowlers: BowlerState[];
  striker: number;
  nonStriker: number;
  /** Bowling the over in progress; null between overs. */
  currentBowler: string | null;
  legalBalls: number;
  runs: number;
  wickets: number;
  extras: Extras;
  fallOfWickets: FallOfWicket[];
  /** Runs charged to the current bowler in the over in progress, for maidens. */
  overRuns: number;
  /** Seconds since the innings started, at the end of the latest delivery. */
  elapsed: number;
  end: InningsEnd | null;
}

export type Delivery =
  | { kind: 'bat'; runs: number }
  | { kind: 'bye' | 'leg-bye'; runs: number }
  /** `runs` includes the one-run penalty (a wide to the boundary is 5). */
  | { kind: 'wide'; runs: number }
  | { kind: 'no-ball'; batRuns: number }
  | { kind: 'out'; how: Exclude<DismissalKind, 'run-out'>; fielder: string | null }
  | { kind: 'run-out'; completed: number; batter: 'striker' | 'non-striker'; fielder: string }
  /** A dot ball after which the striker leaves the field hurt (not a wicket). */
  | { kind: 'retired-hurt' };

export interface Ball {
  bowler: string;
  delivery: Delivery;
  /** Seconds from the previous delivery's end to this one's (walks, over changes included). */
  seconds: number;
}

export const BALLS_PER_OVER = 6;

export function startInnings(options: {
  club: string;
  fieldingClub: string;
  players: readonly string[];
  maxOvers: number;
  target: number | null;
}): InningsState {
  const batters: BatterState[] = options.players.map((name, order) => ({
    name,
    status: order < 2 ? 'in' : 'waiting',
    runs: 0,
    balls: 0,
    fours: 0,
    sixes: 0,
    arrivedAt: order < 2 ? 0 : null,
    leftAt: null,
    dismissal: null,
  }));
  return {
    club: options.club,
    fieldingClub: options.fieldingClub,
    maxOvers: options.maxOvers,
    target: options.target,
    batters,
    bowlers: [],
    striker: 0,
    nonStriker: 1,
    currentBowler: null,
    legalBalls: 0,
    runs: 0,
    wickets: 0,
    extras: { wides: 0, noBalls: 0, byes: 0, legByes: 0 },
    fallOfWickets: [],
    overRuns: 0,
    elapsed: 0,
    end: null,
  };
}

/** The next batter in: the first still waiting, else a retired batter coming back. */
export function nextBatterIndex(state: InningsState): number | null {
  const waiting = state.batters.findIndex((b) => b.status === 'waiting');
  if (waiting >= 0) return waiting;
  const retired = state.batters.findIndex((b) => b.status === 'retired');
  return retired >= 0 ? retired : null;
}

export function hasWaitingBatter(state: InningsState): boolean {
  return state.batters.some((b) => b.status === 'waiting');
}

function swapStrike(s: InningsState): void {
  [s.striker, s.nonStriker] = [s.nonStriker, s.striker];
}

function bowlerEntry(s: InningsState, name: string): BowlerState {
  let bowler = s.bowlers.find((b) => b.name === name);
  if (!bowler) {
    bowler = { name, legalBalls: 0, maidens: 0, runs: 0, wickets: 0, wides: 0, noBalls: 0 };
    s.bowlers.push(bowler);
  }
  return bowler;
}

function batter(s: InningsState, index: number): BatterState {
  const b = s.batters[index];
  if (!b) throw new Error(`no batter at position ${index + 1}`);
  return b;
}

function creditBatRuns(b: BatterState, runs: number): void {
  b.runs += runs;
  if (runs === 4) b.fours++;
  if (runs === 6) b.sixes++;
}

/** Takes the batter at `slot` (striker or non-striker) off and sends the next one in. */
function replaceBatter(
  s: InningsState,
  slot: 'striker' | 'nonStriker',
  leaving: BatterState['status'],
): void {
  const outgoing = batter(s, s[slot]);
  outgoing.status = leaving;
  outgoing.leftAt = s.elapsed;
  const incoming = nextBatterIndex(s);
  if (incoming === null) return;
  const next = batter(s, incoming);
  if (next.status === 'retired') next.dismissal = null;
  next.status = 'in';
  next.arrivedAt ??= s.elapsed;
  next.leftAt = null;
  s[slot] = incoming;
}

function recordWicket(s: InningsState, slot: 'striker' | 'nonStriker', dismissal: Dismissal): void {
  const outgoing = batter(s, s[slot]);
  outgoing.dismissal = dismissal;
  s.wickets++;
  s.fallOfWickets.push({ wicket: s.wickets, runs: s.runs, legalBalls: s.legalBalls, batter: outgoing.name });
  replaceBatter(s, slot, 'out');
}

function inningsEnd(s: InningsState): InningsEnd | null {
  if (s.target !== null && s.runs >= s.target) return 'target';
  if (s.wickets >= 10 || nextBatterIndex(s) === null) {
    const atCrease = s.batters.filter((b) => b.status === 'in').length;
    if (atCrease < 2) return 'all-out';
  }
  if (s.legalBalls >= s.maxOvers * BALLS_PER_OVER) return 'overs';
  return null;
}

/** A copy deep enough to change freely: dismissals are never changed once made. */
function copyInnings(s: InningsState): InningsState {
  return {
    ...s,
    batters: s.batters.map((b) => ({ ...b })),
    bowlers: s.bowlers.map((b) => ({ ...b })),
    extras: { ...s.extras },
    fallOfWickets: [...s.fallOfWickets],
  };
}

/** The innings after one more delivery. */
export function applyBall(previous: InningsState, ball: Ball): InningsState {
  if (previous.end) throw new Error('the innings is over: no more deliveries');
  const s = copyInnings(previous);
  s.currentBowler = ball.bowler;
  s.elapsed += ball.seconds;
  const bowler = bowlerEntry(s, ball.bowler);
  const striker = batter(s, s.striker);
  const d = ball.delivery;
  let legal = true;
  let runs = 0;

  switch (d.kind) {
    case 'bat':
      creditBatRuns(striker, d.runs);
      striker.balls++;
      bowler.runs += d.runs;
      s.overRuns += d.runs;
      runs = d.runs;
      if (d.runs % 2 === 1) swapStrike(s);
      break;
    case 'bye':
    case 'leg-bye':
      striker.balls++;
      if (d.kind === 'bye') s.extras.byes += d.runs;
      else s.extras.legByes += d.runs;
      runs = d.runs;
      if (d.runs % 2 === 1) swapStrike(s);
      break;
    case 'wide':
      legal = false;
      s.extras.wides += d.runs;
      bowler.wides++;
      bowler.runs += d.runs;
      s.overRuns += d.runs;
      runs = d.runs;
      if ((d.runs - 1) % 2 === 1) swapStrike(s);
      break;
    case 'no-ball':
      legal = false;
      s.extras.noBalls++;
      creditBatRuns(striker, d.batRuns);
      striker.balls++;
      bowler.noBalls++;
      bowler.runs += 1 + d.batRuns;
      s.overRuns += 1 + d.batRuns;
      runs = 1 + d.batRuns;
      if (d.batRuns % 2 === 1) swapStrike(s);
      break;
    case 'out':
      striker.balls++;
      bowler.wickets++;
      break;
    case 'run-out':
      striker.balls++;
      creditBatRuns(striker, d.completed);
      bowler.runs += d.completed;
      s.overRuns += d.completed;
      runs = d.completed;
      break;
    case 'retired-hurt':
      striker.balls++;
      break;
  }

  s.runs += runs;
  if (legal) {
    s.legalBalls++;
    bowler.legalBalls++;
  }

  if (d.kind === 'out') {
    recordWicket(s, 'striker', { kind: d.how, bowler: ball.bowler, fielder: d.fielder });
  } else if (d.kind === 'run-out') {
    const outName = d.batter === 'striker' ? striker.name : batter(s, s.nonStriker).name;
    if (d.completed % 2 === 1) swapStrike(s);
    const slot = batter(s, s.striker).name === outName ? 'striker' : 'nonStriker';
    recordWicket(s, slot, { kind: 'run-out', bowler: null, fielder: d.fielder });
  } else if (d.kind === 'retired-hurt') {
    replaceBatter(s, 'striker', 'retired');
  }

  const overComplete = legal && s.legalBalls % BALLS_PER_OVER === 0;
  if (overComplete) {
    if (s.overRuns === 0) bowler.maidens++;
    s.overRuns = 0;
    s.currentBowler = null;
    swapStrike(s);
  }
  s.end = inningsEnd(s);
  return s;
}

/** Ends an innings early (rain): the figures stay as they are. */
export function stopInnings(previous: InningsState): InningsState {
  return { ...previous, end: previous.end ?? 'stopped' };
}
