import type { Innings, InningsOvers, OverBall, Scorecard } from '@live-scores/schema';
import { BALLS_PER_OVER, oversToBalls } from '../cricket/overs.ts';
import { chaseFor } from '../scoreboard/summary.ts';

/** Runs per six balls, to two places: "3.86". */
export function runRate(runs: number, balls: number): string | null {
  return balls > 0 ? ((runs * BALLS_PER_OVER) / balls).toFixed(2) : null;
}

export interface Partnership {
  runs: number;
  /** The two batters at the crease, when the card names them. */
  batters: string[];
}

/**
 * The stand since the last wicket: the total less the score at the last fall of wicket. Only
 * when the fall-of-wickets line has caught up with the wickets in the total; otherwise unknown.
 */
export function partnershipOf(innings: Innings): Partnership | null {
  const falls = [...innings.fallOfWickets.matchAll(/(\d+)-(\d+)/g)];
  if (falls.length !== innings.total.wickets || innings.total.wickets >= 10) return null;
  const atLastWicket = Number(falls.at(-1)?.[2] ?? 0);
  if (atLastWicket > innings.total.runs) return null;
  const batters = innings.batting.filter((b) => !b.out && b.runs != null).map((b) => b.name);
  return { runs: innings.total.runs - atLastWicket, batters: batters.length === 2 ? batters : [] };
}

/** One delivery as the scorer writes it: "0", "4", "W", "+1" for a wide or no-ball, "3 in 2" for missed balls. */
export function ballLabel(ball: OverBall): string {
  const extra = ball.legal === 0 ? '+' : '';
  if (ball.wickets > 0) return ball.runs > 0 ? `W+${ball.runs}` : 'W';
  if (ball.legal > 1) return `${ball.runs} in ${ball.legal}`;
  return `${extra}${ball.runs}`;
}

export interface ThisOver {
  /** The over being bowled: 39 while the total reads 38.2. */
  over: number;
  /** Legal balls of it bowled, from the scorecard. */
  bowled: number;
  /** Each delivery seen, when the over history agrees with the scorecard; else null. */
  balls: string[] | null;
  /** Whether `balls` starts at the over's first delivery. */
  fromStart: boolean;
}

/**
 * The over in progress, from the scorecard; its balls from the history only when both describe
 * the same moment (same legal balls and runs), so the two never contradict each other on screen.
 */
export function thisOverOf(innings: Innings, overs: InningsOvers | undefined): ThisOver | null {
  const balls = innings.total.overs == null ? 0 : oversToBalls(innings.total.overs);
  if (balls == null || innings.total.wickets >= 10) return null;
  const bowled = balls % BALLS_PER_OVER;
  const over = Math.floor(balls / BALLS_PER_OVER) + 1;
  const agrees =
    overs?.thisOver?.over === over &&
    overs.latest.legalBalls === balls &&
    overs.latest.runs === innings.total.runs;
  return {
    over,
    bowled,
    balls: agrees ? (overs.thisOver?.balls.map(ballLabel) ?? []) : null,
    fromStart: agrees ? (overs.thisOver?.fromStart ?? false) : false,
  };
}

export interface InningsFigures {
  /** Whether the innings is being played: only then are the stand and this over shown. */
  live: boolean;
  runRate: string | null;
  /** In a live chase: the target, and the rate needed for the balls left. */
  target: number | null;
  requiredRate: string | null;
  partnership: Partnership | null;
  thisOver: ThisOver | null;
}

/** The figures shown under a live or finished match's summary, for its latest innings. */
export function inningsFigures(
  scorecard: Scorecard,
  history: { innings: readonly InningsOvers[] } | undefined,
  oversPerSide: number,
): InningsFigures | null {
  const index = scorecard.innings.length - 1;
  const innings = scorecard.innings[index];
  if (!innings) return null;
  const balls = innings.total.overs == null ? null : oversToBalls(innings.total.overs);
  const chase = chaseFor(scorecard, oversPerSide);
  const live = scorecard.status === 'in-progress';
  return {
    live,
    runRate: balls == null ? null : runRate(innings.total.runs, balls),
    target: chase ? innings.total.runs + chase.runsNeeded : null,
    requiredRate: chase ? runRate(chase.runsNeeded, chase.ballsLeft) : null,
    partnership: live ? partnershipOf(innings) : null,
    thisOver: live ? thisOverOf(innings, history?.innings[index]) : null,
  };
}
