import type { Innings, Scorecard } from '@live-scores/schema';
import { BALLS_PER_OVER, oversToBalls } from '../cricket/overs.ts';

/** "Cleckheaton 176/4 (38.2 ov)"; a side bowled out reads "176 all out". */
export function inningsSummary(innings: Innings): string {
  const { runs, wickets, overs } = innings.total;
  const score = wickets >= 10 ? `${runs} all out` : `${runs}/${wickets}`;
  return overs == null ? `${innings.team} ${score}` : `${innings.team} ${score} (${overs} ov)`;
}

export interface Chase {
  runsNeeded: number;
  ballsLeft: number;
}

/**
 * What the side batting second needs while the chase is live, or null when there is no chase
 * to describe (first innings, target reached, overs used up, match over). `oversPerSide` comes
 * from the page's config because the scorecard does not say how long the match is.
 */
export function chaseFor(scorecard: Scorecard, oversPerSide: number): Chase | null {
  if (scorecard.status !== 'in-progress' || scorecard.innings.length !== 2) return null;
  const [first, second] = scorecard.innings as [Innings, Innings];
  if (second.total.wickets >= 10) return null;
  const runsNeeded = first.total.runs + 1 - second.total.runs;
  const bowled = second.total.overs == null ? 0 : oversToBalls(second.total.overs);
  if (bowled == null) return null;
  const ballsLeft = oversPerSide * BALLS_PER_OVER - bowled;
  if (runsNeeded <= 0 || ballsLeft <= 0) return null;
  return { runsNeeded, ballsLeft };
}

/** "need 29 from 70 balls". */
export function chaseText(chase: Chase): string {
  return `need ${chase.runsNeeded} from ${chase.ballsLeft} ${chase.ballsLeft === 1 ? 'ball' : 'balls'}`;
}

/** The one line a supporter glances at: the latest innings' score, plus the chase when there is one. */
export function matchSummary(scorecard: Scorecard, oversPerSide: number): string | null {
  const latest = scorecard.innings.at(-1);
  if (!latest) return null;
  const chase = chaseFor(scorecard, oversPerSide);
  return chase ? `${inningsSummary(latest)}, ${chaseText(chase)}` : inningsSummary(latest);
}

export type MatchPhase = 'waiting' | 'live' | 'complete';

/** A match with no innings yet is waiting for play even if the scorer has marked it started. */
export function matchPhase(scorecard: Scorecard): MatchPhase {
  if (scorecard.status === 'complete') return 'complete';
  return scorecard.status === 'not-started' || scorecard.innings.length === 0 ? 'waiting' : 'live';
}
