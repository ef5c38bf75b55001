import {
  compareScorecards,
  type Innings,
  type InningsFold,
  type InningsOvers,
  type OverBall,
  type OverEnd,
  type OverFold,
  type OverHistory,
  type OverSighting,
  type Scorecard,
  type StreamPosition,
} from '@live-scores/schema';
import { oversToBalls } from '../cricket.ts';

/*
 * Scorecards carry innings totals, not balls, so an over's end is read off the scorecard
 * whose total shows that over's last legal ball. Such a scorecard can also hold wides or
 * no-balls of the next over (its ball count does not move), so a total is taken as the
 * over's end only when it is proven: between a sighting inside the over and the sighting at
 * its end, only one bowler's figures changed. The next over is always bowled by someone
 * else, and any delivery of it changes that bowler's figures. Unproven overs are gaps.
 *
 * The fold keeps, per unproven over, the newest sighting inside it and the oldest at its
 * end; whatever order scorecards arrive in, the same set gives the same state.
 */

const BALLS_PER_OVER = 6;

type Sighting = OverSighting;
type Totals = Pick<Sighting, 'legalBalls' | 'runs' | 'wickets'>;

/** The start of every innings: no balls, no runs, nobody has bowled. */
const INNINGS_START: Totals & Pick<Sighting, 'bowlers'> = { legalBalls: 0, runs: 0, wickets: 0, bowlers: [] };

const position = (s: StreamPosition): StreamPosition => ({ capturedAt: s.capturedAt, seq: s.seq });

/** The over a ball count is inside: 13 for "12.3", and 13 also for "12" (the next over not begun). */
const overOf = (legalBalls: number): number => Math.floor(legalBalls / BALLS_PER_OVER) + 1;

function sightingOf(scorecard: Scorecard, innings: Innings): Sighting {
  return {
    ...position(scorecard),
    legalBalls: oversToBalls(innings.total.overs),
    runs: innings.total.runs,
    wickets: innings.total.wickets,
    bowlers: innings.bowling.map(
      (b, i) =>
        `${i}:${b.name}:${b.overs}:${b.maidens}:${b.runs}:${b.wickets}:${b.wides ?? '-'}:${b.noBalls ?? '-'}`,
    ),
  };
}

const bowlerOf = (key: string): string => key.slice(0, key.indexOf(':', key.indexOf(':') + 1));

/** Whether exactly one bowler's figures differ: then everything in between was that bowler's. */
function oneBowlerBetween(before: Pick<Sighting, 'bowlers'>, after: Pick<Sighting, 'bowlers'>): boolean {
  const was = new Set(before.bowlers);
  const now = new Set(after.bowlers);
  const changed = new Set<string>();
  for (const key of after.bowlers) if (!was.has(key)) changed.add(bowlerOf(key));
  for (const key of before.bowlers) if (!now.has(key)) changed.add(bowlerOf(key));
  return changed.size === 1;
}

function byOver<T extends { over: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.over - b.over);
}

/** `items` with `item` for its over, when there was none or `better` prefers it. */
function keepFor<T extends { over: number }>(items: T[], item: T, better: (a: T, b: T) => boolean): T[] {
  const held = items.find((i) => i.over === item.over);
  if (held && !better(item, held)) return items;
  return byOver([...items.filter((i) => i.over !== item.over), item]);
}

function prove(fold: InningsFold): InningsFold {
  let { ends, before, at } = fold;
  for (const end of at) {
    const inside = before.find((b) => b.over === end.over) ?? (end.over === 1 ? INNINGS_START : undefined);
    if (!inside || inside.legalBalls >= end.legalBalls || !oneBowlerBetween(inside, end)) continue;
    ends = byOver([...ends, { over: end.over, runs: end.runs, wickets: end.wickets }]);
    before = before.filter((b) => b.over !== end.over);
    at = at.filter((a) => a.over !== end.over);
  }
  return { ...fold, ends, before, at };
}

function foldInnings(fold: InningsFold | undefined, team: string, sighting: Sighting): InningsFold {
  const current = fold ?? { team, ends: [], before: [], at: [], latest: sighting, thisOver: [] };
  const proven = new Set(current.ends.map((e) => e.over));
  const over = overOf(sighting.legalBalls);
  let { before, at } = current;
  if (!proven.has(over))
    before = keepFor(before, { ...sighting, over }, (a, b) => compareScorecards(a, b) > 0);
  const ended = sighting.legalBalls / BALLS_PER_OVER;
  if (sighting.legalBalls > 0 && Number.isInteger(ended) && !proven.has(ended))
    at = keepFor(at, { ...sighting, over: ended }, (a, b) => compareScorecards(a, b) < 0);

  const newer = compareScorecards(sighting, current.latest) > 0;
  const latest = newer ? sighting : current.latest;
  const inProgress = overOf(latest.legalBalls);
  // One sighting per total, the oldest: captures that move no total (a finished innings seen
  // again all through the next, a drinks break) add nothing, so the fold stays the same size.
  const seen = [...current.thisOver, { ...position(sighting), ...totalsOf(sighting) }]
    .filter((s) => overOf(s.legalBalls) === inProgress)
    .sort(compareScorecards)
    .filter((s, i, all) => all.findIndex((o) => sameTotals(o, s)) === i);
  return prove({ team: newer ? team : current.team, ends: current.ends, before, at, latest, thisOver: seen });
}

const totalsOf = (s: Totals): Totals => ({ legalBalls: s.legalBalls, runs: s.runs, wickets: s.wickets });

const sameTotals = (a: Totals, b: Totals): boolean =>
  a.legalBalls === b.legalBalls && a.runs === b.runs && a.wickets === b.wickets;

/**
 * One more scorecard folded into a match's over history: pure, and the same whatever order
 * (or how often) the scorecards arrive in. A scorecard of another match leaves it as it was.
 */
export function foldOvers(fold: OverFold | undefined, scorecard: Scorecard): OverFold {
  if (fold && fold.matchId !== scorecard.matchId) return fold;
  const innings = scorecard.innings.map((inn, i) =>
    foldInnings(fold?.innings[i], inn.team, sightingOf(scorecard, inn)),
  );
  const kept = fold?.innings.slice(innings.length) ?? [];
  const newest = !fold || compareScorecards(scorecard, fold.upTo) > 0;
  return {
    matchId: scorecard.matchId,
    teamId: newest ? scorecard.teamId : fold.teamId,
    upTo: newest || !fold ? position(scorecard) : fold.upTo,
    innings: [...innings, ...kept],
  };
}

/** What each sighting in the over in progress added, from its start when that is known. */
function thisOverOf(fold: InningsFold): InningsOvers['thisOver'] {
  const over = overOf(fold.latest.legalBalls);
  const start: Pick<Totals, 'runs' | 'wickets'> | undefined =
    over === 1 ? INNINGS_START : fold.ends.find((e) => e.over === over - 1);
  const sightings: Totals[] = [...fold.thisOver];
  const base: Totals | undefined = start
    ? { legalBalls: (over - 1) * BALLS_PER_OVER, runs: start.runs, wickets: start.wickets }
    : sightings.shift();
  if (!base) return null;
  const balls: OverBall[] = [];
  let previous = base;
  for (const s of sightings) {
    const ball = {
      legal: s.legalBalls - previous.legalBalls,
      runs: s.runs - previous.runs,
      wickets: s.wickets - previous.wickets,
    };
    if (ball.legal < 0 || ball.runs < 0 || ball.wickets < 0) continue;
    previous = s;
    if (ball.legal > 0 || ball.runs > 0 || ball.wickets > 0) balls.push(ball);
  }
  if (balls.length === 0 && fold.latest.legalBalls % BALLS_PER_OVER === 0) return null;
  return { over, balls, fromStart: start !== undefined };
}

function inningsOvers(fold: InningsFold): InningsOvers {
  const done = Math.max(overOf(fold.latest.legalBalls) - 1, ...fold.ends.map((e) => e.over));
  const ends = new Map<number, OverEnd>(fold.ends.map((e) => [e.over, e]));
  return {
    team: fold.team,
    overs: Array.from({ length: done }, (_, i) => ends.get(i + 1) ?? { over: i + 1, gap: true as const }),
    latest: totalsOf(fold.latest),
    thisOver: thisOverOf(fold),
  };
}

/** The over history a page is sent, from the stored fold. */
export function overHistoryOf(fold: OverFold): OverHistory {
  return {
    matchId: fold.matchId,
    teamId: fold.teamId,
    upTo: fold.upTo,
    innings: fold.innings.map(inningsOvers),
  };
}
