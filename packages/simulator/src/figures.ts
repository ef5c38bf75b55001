import type { Batter, Bowler, InningsTotal } from '@live-scores/schema';
import type { BatterState, BowlerState, Dismissal, InningsState } from './innings.ts';
import { BALLS_PER_OVER } from './innings.ts';

/**
 * The figures as the scorecard prints them. The renderer and the ground truth both
 * read them from here, so the page and the truth cannot disagree.
 */

/** "33.4" for 33 overs and 4 balls; "50" for a whole number of overs. */
export function formatOvers(legalBalls: number): string {
  const overs = Math.floor(legalBalls / BALLS_PER_OVER);
  const balls = legalBalls % BALLS_PER_OVER;
  return balls === 0 ? String(overs) : `${overs}.${balls}`;
}

/** Rounded to two places, as the site prints strike rates and economies. */
export function twoPlaces(value: number): number {
  return Math.round(value * 100) / 100;
}

/** One how-out part: the icon text ("ct", "b", "lbw") and the name beside it. */
export type HowOutPart = readonly [icon: string, copy: string];

function dismissalParts(d: Dismissal): HowOutPart[] {
  const bowler = d.bowler ?? '';
  switch (d.kind) {
    case 'bowled':
      return [['b', bowler]];
    case 'caught':
      return [
        ['ct', d.fielder ?? ''],
        ['b', bowler],
      ];
    case 'lbw':
      return [
        ['lbw', ''],
        ['b', bowler],
      ];
    case 'stumped':
      return [
        ['st', d.fielder ?? ''],
        ['b', bowler],
      ];
    case 'hit-wicket':
      return [
        ['hit wicket', ''],
        ['b', bowler],
      ];
    case 'run-out':
      return [['run out', d.fielder ? `(${d.fielder})` : '']];
  }
}

export function howOutParts(b: BatterState): HowOutPart[] {
  switch (b.status) {
    case 'waiting':
      return [];
    case 'in':
      return [['', 'not out']];
    case 'retired':
      return [['', 'retired hurt']];
    case 'out':
      return b.dismissal ? dismissalParts(b.dismissal) : [];
  }
}

export function howOutText(parts: readonly HowOutPart[]): string {
  return parts
    .flat()
    .filter((text) => text !== '')
    .join(' ');
}

/** A batter's line; every figure is null until they have faced a ball (or were out without facing). */
export function batterLine(b: BatterState, inningsElapsed: number): Batter {
  const howOut = howOutText(howOutParts(b));
  const out = b.status === 'out';
  const hasFigures = b.balls > 0 || out;
  if (!hasFigures) {
    return {
      name: b.name,
      howOut,
      out,
      runs: null,
      balls: null,
      minutes: null,
      fours: null,
      sixes: null,
      strikeRate: null,
    };
  }
  const until = b.leftAt ?? inningsElapsed;
  return {
    name: b.name,
    howOut,
    out,
    runs: b.runs,
    balls: b.balls,
    minutes: Math.max(0, Math.floor((until - (b.arrivedAt ?? until)) / 60)),
    fours: b.fours,
    sixes: b.sixes,
    strikeRate: b.balls > 0 ? twoPlaces((b.runs / b.balls) * 100) : null,
  };
}

export function bowlerLine(b: BowlerState): Bowler {
  return {
    name: b.name,
    overs: formatOvers(b.legalBalls),
    maidens: b.maidens,
    runs: b.runs,
    wickets: b.wickets,
    wides: b.wides,
    noBalls: b.noBalls,
    economy: b.legalBalls > 0 ? twoPlaces(b.runs / (b.legalBalls / BALLS_PER_OVER)) : null,
  };
}

export function extrasTotal(innings: InningsState): number {
  const e = innings.extras;
  return e.wides + e.noBalls + e.byes + e.legByes;
}

/** "176 for 4 (38.2 Overs, 164 mins)" or "104 all out (33.4 Overs, 142 mins)". */
export function inningsTotal(innings: InningsState): InningsTotal {
  const overs = formatOvers(innings.legalBalls);
  const score =
    innings.end === 'all-out' ? `${innings.runs} all out` : `${innings.runs} for ${innings.wickets}`;
  return {
    runs: innings.runs,
    wickets: innings.wickets,
    overs,
    text: `${score} (${overs} Overs, ${Math.floor(innings.elapsed / 60)} mins)`,
  };
}

/** "1-8 (2.3), 2-31 (9.1)"; empty before the first wicket. */
export function fallOfWicketsText(innings: InningsState): string {
  return innings.fallOfWickets.map((f) => `${f.wicket}-${f.runs} (${formatOvers(f.legalBalls)})`).join(', ');
}
