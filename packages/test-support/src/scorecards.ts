import type { Batter, Bowler, Innings, Scorecard } from '@live-scores/schema';

/**
 * The one set of scorecard builders the test suites share: a test says only the figures it is
 * about, and everything else is a valid default.
 */

export const MATCH_ID = '6123456';

const START = Date.parse('2025-06-14T13:00:00.000Z');

/** The capture time of the `seq`-th scorecard of a match: the first at 13:00, then twenty seconds apart. */
export function capturedAt(seq: number): string {
  return new Date(START + (seq - 1) * 20_000).toISOString();
}

/** A valid scorecard of match 6123456 for the first team, captured at `capturedAt(seq)` unless told. */
export function scorecard(overrides: Partial<Scorecard> = {}): Scorecard {
  const seq = overrides.seq ?? 1;
  return {
    schemaVersion: 1,
    matchId: MATCH_ID,
    teamId: 'firstTeam',
    url: `https://bradfordcl.play-cricket.com/website/results/${MATCH_ID}`,
    capturedAt: capturedAt(seq),
    seq,
    status: 'in-progress',
    result: null,
    innings: [],
    ...overrides,
  };
}

/** A batter still in (or, with `howOut`, dismissed). */
export function batter(name: string, figures: Partial<Batter> = {}): Batter {
  const howOut = figures.howOut ?? 'not out';
  return {
    name,
    howOut,
    out: figures.out ?? howOut !== 'not out',
    runs: 0,
    balls: 0,
    minutes: null,
    fours: 0,
    sixes: 0,
    strikeRate: null,
    ...figures,
  };
}

export function out(name: string, howOut: string, runs: number, figures: Partial<Batter> = {}): Batter {
  return batter(name, { howOut, out: true, runs, ...figures });
}

export function bowler(name: string, figures: Partial<Bowler> = {}): Bowler {
  return {
    name,
    overs: '0',
    maidens: 0,
    runs: 0,
    wickets: 0,
    wides: null,
    noBalls: null,
    economy: null,
    ...figures,
  };
}

export interface InningsFigures {
  runs: number;
  wickets: number;
  overs?: string | null;
  batting?: Batter[];
  bowling?: Bowler[];
  fallOfWickets?: string;
  /** The site's total text; by default "176 for 4 (38.2 Overs)" or "104 all out (33.4 Overs)". */
  text?: string;
}

export function innings(team: string, figures: InningsFigures): Innings {
  const overs = figures.overs ?? null;
  const score = figures.wickets >= 10 ? `${figures.runs} all out` : `${figures.runs} for ${figures.wickets}`;
  return {
    team,
    batting: figures.batting ?? [],
    extras: 0,
    total: {
      runs: figures.runs,
      wickets: figures.wickets,
      overs,
      text: figures.text ?? (overs === null ? score : `${score} (${overs} Overs)`),
    },
    fallOfWickets: figures.fallOfWickets ?? '',
    bowling: figures.bowling ?? [],
  };
}
