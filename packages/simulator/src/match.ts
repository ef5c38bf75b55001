import { oneLineReason } from '@live-scores/schema';
import type { InningsState } from './innings.ts';
import type { MatchSettingsInput } from './match-settings.ts';
import { MatchSettings } from './match-settings.ts';
import { makeEleven } from './names.ts';
import type { InningsPlan, Side } from './play-innings.ts';
import { playInnings } from './play-innings.ts';
import type { Random } from './random.ts';
import { createRandom } from './random.ts';

export type ResultKind = 'won-by-runs' | 'won-by-wickets' | 'tie' | 'abandoned' | 'no-result';

export interface MatchResult {
  kind: ResultKind;
  winner: 'home' | 'away' | null;
  /** Runs or wickets; null when nobody won. */
  margin: number | null;
}

export interface MatchState {
  /** 0 before the first ball, then one more per delivery (and one for a rain-off). */
  version: number;
  phase: 'not-started' | 'in-progress' | 'complete';
  /** Match seconds since the start of play. */
  elapsed: number;
  /** The innings begun so far, in batting order. */
  innings: InningsState[];
  result: MatchResult | null;
}

/** A whole match, decided up front: the simulator only chooses how fast to reveal it. */
export interface MatchTimeline {
  settings: MatchSettings;
  home: Side;
  away: Side;
  battingFirst: 'home' | 'away';
  states: MatchState[];
}

function other(side: 'home' | 'away'): 'home' | 'away' {
  return side === 'home' ? 'away' : 'home';
}

function lastOf<T>(items: readonly T[]): T {
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('expected at least one state');
  return last;
}

/** Innings of each side to try for a forced tie before giving up; a match is usually found within 30. */
const TIE_ATTEMPTS = 400;

/**
 * A tie, arranged without bending any ball: play chases as if they had no target and
 * first innings alongside them until one of each ends on the same score. A chase can
 * never pass that score, so it plays out identically once given the target.
 */
function tiedInnings(
  random: Random,
  first: InningsPlan,
  second: InningsPlan,
): [InningsState[], InningsState[]] {
  const firstsByRuns = new Map<number, InningsState[]>();
  const chasesByRuns = new Map<number, InningsState[]>();
  const tie = (firstStates: InningsState[], chase: InningsState[]): [InningsState[], InningsState[]] => {
    const level = lastOf(chase).runs;
    return [firstStates, chase.map((s) => ({ ...s, target: level + 1 }))];
  };
  for (let attempt = 0; attempt < TIE_ATTEMPTS; attempt++) {
    const firstStates = playInnings(random.fork(`innings-1/${attempt}`), first);
    const firstRuns = lastOf(firstStates).runs;
    const chaseMatch = chasesByRuns.get(firstRuns);
    if (chaseMatch) return tie(firstStates, chaseMatch);
    firstsByRuns.set(firstRuns, firstStates);

    const chase = playInnings(random.fork(`innings-2/${attempt}`), second);
    const chaseRuns = lastOf(chase).runs;
    const firstMatch = firstsByRuns.get(chaseRuns);
    if (firstMatch) return tie(firstMatch, chase);
    chasesByRuns.set(chaseRuns, chase);
  }
  throw new Error('could not arrange a tie from this seed; try another seed');
}

function decideResult(
  first: InningsState,
  second: InningsState | undefined,
  battingFirst: 'home' | 'away',
): MatchResult {
  if (!second || second.end === 'stopped') {
    return { kind: first.end === 'stopped' ? 'abandoned' : 'no-result', winner: null, margin: null };
  }
  if (second.runs > first.runs) {
    return { kind: 'won-by-wickets', winner: other(battingFirst), margin: 10 - second.wickets };
  }
  if (second.runs === first.runs) return { kind: 'tie', winner: null, margin: null };
  return { kind: 'won-by-runs', winner: battingFirst, margin: first.runs - second.runs };
}

/**
 * Plays a whole match from a seed. Pure: the same settings always give the same
 * ball-by-ball states; forced outcomes bend the match without breaking its figures.
 */
export function playMatch(input: MatchSettingsInput): MatchTimeline {
  const parsed = MatchSettings.safeParse(input);
  if (!parsed.success) throw new Error(`invalid match settings: ${oneLineReason(parsed.error)}`);
  const settings = parsed.data;
  const random = createRandom(settings.seed);
  const names = new Set<string>();
  const home: Side = { ...settings.home, players: makeEleven(random.fork('home'), names) };
  const away: Side = { ...settings.away, players: makeEleven(random.fork('away'), names) };
  const battingFirst = random.fork('toss').chance(0.5) ? 'home' : 'away';
  const sides = { home, away };
  const firstBat = sides[battingFirst];
  const secondBat = sides[other(battingFirst)];
  const overs = settings.oversPerSide;
  const plan1: InningsPlan = { batting: firstBat, fielding: secondBat, oversPerSide: overs, target: null };
  const weather = random.fork('weather');
  const rainAfter = (fromOver: number, toOver: number) =>
    Math.max(1, Math.round(overs * 6 * (fromOver + weather.next() * (toOver - fromOver))));

  let first: InningsState[];
  let second: InningsState[] = [];
  if (settings.outcome === 'tie') {
    [first, second] = tiedInnings(random, plan1, { ...plan1, batting: secondBat, fielding: firstBat });
  } else if (settings.outcome === 'abandoned') {
    first = playInnings(random.fork('innings-1/0'), { ...plan1, stopAfterLegalBalls: rainAfter(0.15, 0.7) });
  } else {
    first = playInnings(random.fork('innings-1/0'), plan1);
    const target = lastOf(first).runs + 1;
    const stop = settings.outcome === 'no-result' ? rainAfter(0.05, 0.35) : undefined;
    second = playInnings(random.fork('innings-2'), {
      batting: secondBat,
      fielding: firstBat,
      oversPerSide: overs,
      target,
      ...(stop === undefined ? {} : { stopAfterLegalBalls: stop }),
    });
  }

  const states: MatchState[] = [{ version: 0, phase: 'not-started', elapsed: 0, innings: [], result: null }];
  const push = (elapsed: number, innings: InningsState[]) =>
    states.push({ version: states.length, phase: 'in-progress', elapsed, innings, result: null });
  for (const s of first) push(s.elapsed, [s]);
  const firstFinal = lastOf(first);
  const secondStart = firstFinal.elapsed + random.fork('break').int(25, 40) * 60;
  for (const s of second) push(secondStart + s.elapsed, [firstFinal, s]);

  const result = decideResult(firstFinal, second.length > 0 ? lastOf(second) : undefined, battingFirst);
  const last = lastOf(states);
  if (result.kind === 'abandoned' || result.kind === 'no-result') {
    const calledOffAfter = weather.int(20, 60) * 60;
    states.push({
      ...last,
      version: states.length,
      phase: 'complete',
      elapsed: last.elapsed + calledOffAfter,
      result,
    });
  } else {
    states[states.length - 1] = { ...last, phase: 'complete', result };
  }
  return { settings, home, away, battingFirst, states };
}
