import type { Batter, Bowler, Innings, Scorecard } from '@live-scores/schema';
import { isAllOut, isDeclared, isDismissal, oversToBalls } from '../cricket.ts';
import { parseFallOfWickets } from '../fall-of-wickets.ts';

/** How the match ended, read from the scorecard's result line and innings. */
export type Finish =
  | { kind: 'won-by-runs'; winner: string; loser: string | null; runs: number }
  | {
      kind: 'won-by-wickets';
      winner: string;
      loser: string | null;
      wickets: number;
      /** Known only when the first innings ran its full overs, which fixes the limit. */
      ballsToSpare: number | null;
    }
  | { kind: 'tie' }
  | { kind: 'no-result' }
  | { kind: 'abandoned' }
  /** A result the league wrote in words of its own ("Scholes WON (CONCEDED)"): quoted as it is. */
  | { kind: 'league-words'; text: string };

export interface ScorerFact {
  name: string;
  runs: number;
  balls: number | null;
  notOut: boolean;
  fours: number | null;
  sixes: number | null;
}

export interface BowlingFact {
  name: string;
  overs: string;
  maidens: number;
  runs: number;
  wickets: number;
}

export interface InningsFacts {
  team: string;
  /** The fielding side, when the card has both innings' teams. */
  bowlingTeam: string | null;
  runs: number;
  wickets: number;
  overs: string | null;
  allOut: boolean;
  declared: boolean;
  /** Every fifty and hundred, or the top scorer when nobody reached fifty; best first. */
  scorers: ScorerFact[];
  bestBowling: BowlingFact | null;
  /** The biggest stand read from the fall of wickets (the unbroken one included), when it was worth telling. */
  partnership: { wicket: number; runs: number; unbroken: boolean } | null;
  /** The most wickets lost in a row for few runs, when it was a collapse. */
  collapse: { wickets: number; runs: number } | null;
  /** A bowler whose spell was mostly maidens. */
  maidenSpell: BowlingFact | null;
}

/** Everything a report may say, all of it read from one final scorecard. */
export interface ReportFacts {
  matchId: string;
  teamId: string;
  /** The club team the report is for, e.g. "Cleckheaton 1st XI". */
  clubTeam: string;
  finish: Finish;
  /** The innings with a ball bowled or a run scored, in batting order. */
  innings: InningsFacts[];
  /** Every player named on the card, bowlers included: the names a report may use. */
  players: string[];
}

export interface ReportNaming {
  teamLabel: string;
  clubName?: string | undefined;
}

/** A stand worth a sentence, and a collapse: this many wickets or more for at most that many runs. */
export const NOTABLE = {
  partnershipRuns: 40,
  collapseWickets: 4,
  collapseRuns: 30,
  maidens: 3,
  /** A fifty at this strike rate or better is a quick one. */
  quickStrikeRate: 120,
} as const;

const WON_BY = /^(.*?)\s+won\s+by\s+(\d+)\s+(runs?|wickets?)\s*$/i;

function started(innings: Innings): boolean {
  return oversToBalls(innings.total.overs) > 0 || innings.total.runs > 0 || innings.total.wickets > 0;
}

/** The innings team a result's winner names: "Cleckheaton" or "Cleckheaton CC" both match "Cleckheaton". */
function sideNamed(name: string, innings: readonly Innings[]): string | undefined {
  const bare = name
    .replace(/\s+CC$/i, '')
    .trim()
    .toLowerCase();
  return innings.find((i) => i.team.toLowerCase() === bare)?.team;
}

function finishOf(scorecard: Scorecard, played: readonly Innings[]): Finish {
  const result = (scorecard.result ?? '').trim();
  const won = WON_BY.exec(result);
  const teams = [...new Set(scorecard.innings.map((i) => i.team))];
  if (won) {
    const winner = sideNamed(won[1]!, scorecard.innings) ?? won[1]!.replace(/\s+CC$/i, '').trim();
    const loser = teams.length === 2 ? (teams.find((t) => t !== winner) ?? null) : null;
    const margin = Number(won[2]);
    if (/^run/i.test(won[3]!)) return { kind: 'won-by-runs', winner, loser, runs: margin };
    return { kind: 'won-by-wickets', winner, loser, wickets: margin, ballsToSpare: ballsToSpare(played) };
  }
  if (/^match\s+tied$|^tied$/i.test(result)) return { kind: 'tie' };
  if (/^no\s+result$/i.test(result)) return { kind: 'no-result' };
  if (/^match\s+abandoned$|^abandoned$/i.test(result)) return { kind: 'abandoned' };
  return { kind: 'league-words', text: result || 'no result recorded' };
}

/** The chase's unused balls, when the first innings' full overs tell the limit. */
function ballsToSpare(played: readonly Innings[]): number | null {
  const [first, chase] = played;
  if (!first || !chase || played.length !== 2 || isAllOut(first) || isDeclared(first)) return null;
  const spare = oversToBalls(first.total.overs) - oversToBalls(chase.total.overs);
  return spare > 0 ? spare : null;
}

function scorersOf(batting: readonly Batter[]): ScorerFact[] {
  const batted = batting
    .filter((b): b is Batter & { runs: number } => b.runs !== null)
    .map((b) => ({
      name: b.name,
      runs: b.runs,
      balls: b.balls,
      notOut: !isDismissal(b),
      fours: b.fours,
      sixes: b.sixes,
    }))
    .sort((a, b) => b.runs - a.runs || (a.balls ?? Infinity) - (b.balls ?? Infinity));
  const fifties = batted.filter((b) => b.runs >= 50);
  if (fifties.length > 0) return fifties;
  const top = batted[0];
  return top && top.runs > 0 ? [top] : [];
}

const bowlingFact = (b: Bowler): BowlingFact => ({
  name: b.name,
  overs: b.overs,
  maidens: b.maidens,
  runs: b.runs,
  wickets: b.wickets,
});

function bestBowlingOf(bowling: readonly Bowler[]): BowlingFact | null {
  const best = [...bowling]
    .filter((b) => b.wickets > 0)
    .sort(
      (a, b) => b.wickets - a.wickets || a.runs - b.runs || oversToBalls(a.overs) - oversToBalls(b.overs),
    )[0];
  return best ? bowlingFact(best) : null;
}

function maidenSpellOf(bowling: readonly Bowler[]): BowlingFact | null {
  const spell = [...bowling]
    .filter((b) => b.maidens >= NOTABLE.maidens && b.maidens * 2 >= Math.floor(oversToBalls(b.overs) / 6))
    .sort((a, b) => b.maidens - a.maidens)[0];
  return spell ? bowlingFact(spell) : null;
}

/** Scores at the fall of each wicket in order, then the total: the boundaries of every stand. */
function standBoundaries(innings: Innings): number[] | null {
  const falls = parseFallOfWickets(innings.fallOfWickets).sort((a, b) => a.wicket - b.wicket);
  // Only a complete, consistent list tells stands: wickets 1..n in order, scores never falling.
  const consistent =
    falls.length === innings.total.wickets &&
    falls.every(
      (f, i) => f.wicket === i + 1 && f.runs <= innings.total.runs && f.runs >= (falls[i - 1]?.runs ?? 0),
    );
  return consistent ? falls.map((f) => f.runs) : null;
}

function partnershipOf(innings: Innings): InningsFacts['partnership'] {
  const falls = standBoundaries(innings);
  if (!falls) return null;
  const stands = [...falls, innings.total.runs].map((score, i) => ({
    wicket: i + 1,
    runs: score - (i === 0 ? 0 : falls[i - 1]!),
    unbroken: i === falls.length,
  }));
  const best = stands.filter((s) => s.wicket <= 10).sort((a, b) => b.runs - a.runs || a.wicket - b.wicket)[0];
  return best && best.runs >= NOTABLE.partnershipRuns ? best : null;
}

function collapseOf(innings: Innings): InningsFacts['collapse'] {
  const falls = standBoundaries(innings);
  if (!falls) return null;
  let best: { wickets: number; runs: number } | null = null;
  // A run of wickets from the one after wicket `from` to wicket `to`; the score at `from` is the base.
  for (let from = 0; from < falls.length; from++) {
    for (let to = from + NOTABLE.collapseWickets; to <= falls.length; to++) {
      const base = from === 0 ? 0 : falls[from - 1]!;
      const runs = falls[to - 1]! - base;
      const wickets = to - from;
      if (runs > NOTABLE.collapseRuns) continue;
      if (!best || wickets > best.wickets || (wickets === best.wickets && runs < best.runs))
        best = { wickets, runs };
    }
  }
  return best;
}

function inningsFacts(innings: Innings, bowlingTeam: string | null): InningsFacts {
  return {
    team: innings.team,
    bowlingTeam,
    runs: innings.total.runs,
    wickets: innings.total.wickets,
    overs: innings.total.overs,
    allOut: isAllOut(innings),
    declared: isDeclared(innings),
    scorers: scorersOf(innings.batting),
    bestBowling: bestBowlingOf(innings.bowling),
    partnership: partnershipOf(innings),
    collapse: collapseOf(innings),
    maidenSpell: maidenSpellOf(innings.bowling),
  };
}

/** The facts of a finished match, every number read from its scorecard. Pure. */
export function reportFacts(scorecard: Scorecard, naming: ReportNaming): ReportFacts {
  const played = scorecard.innings.filter(started);
  const teams = [...new Set(scorecard.innings.map((i) => i.team))];
  const opponent = (team: string): string | null =>
    teams.length === 2 ? (teams.find((t) => t !== team) ?? null) : null;
  const players = new Set<string>();
  for (const innings of scorecard.innings) {
    for (const b of innings.batting) players.add(b.name);
    for (const b of innings.bowling) players.add(b.name);
  }
  return {
    matchId: scorecard.matchId,
    teamId: scorecard.teamId,
    clubTeam: naming.clubName ? `${naming.clubName} ${naming.teamLabel}` : naming.teamLabel,
    finish: finishOf(scorecard, played),
    innings: played.map((i) => inningsFacts(i, opponent(i.team))),
    players: [...players],
  };
}

export const isQuick = (s: ScorerFact): boolean =>
  s.runs >= 50 && s.balls !== null && s.balls > 0 && (s.runs * 100) / s.balls >= NOTABLE.quickStrikeRate;
