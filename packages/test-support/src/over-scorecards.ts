import type { Bowler, Scorecard } from '@live-scores/schema';
import { bowler, innings, scorecard } from './scorecards.ts';

/** Scorecards for the over history: one run a ball, the overs bowled in turn by two bowlers. */

const BOWLERS = ['J Thurwell', 'R Patel'] as const;

const oversText = (balls: number): string =>
  balls % 6 === 0 ? `${balls / 6}` : `${Math.floor(balls / 6)}.${balls % 6}`;

/** Each bowler's figures after `balls` legal balls: overs 1, 3, … by the first, 2, 4, … by the second. */
function bowlingAfter(balls: number): Bowler[] {
  const bowled = [0, 0];
  for (let ball = 0; ball < balls; ball++) bowled[Math.floor(ball / 6) % 2]! += 1;
  return BOWLERS.map((name, i) => ({ name, balls: bowled[i]! }))
    .filter((b) => b.balls > 0)
    .map(({ name, balls: theirs }) =>
      bowler(name, { overs: oversText(theirs), runs: theirs, wides: 0, noBalls: 0 }),
    );
}

/** The scorecard captured just after the `ball`-th legal ball: seq `ball`, twenty seconds apart. */
export function scorecardAfterBall(ball: number, matchId = '6123456'): Scorecard {
  return scorecard({
    matchId,
    url: `https://bradfordcl.play-cricket.com/website/results/${matchId}`,
    seq: ball,
    innings: [
      innings('Cleckheaton', { runs: ball, wickets: 0, overs: oversText(ball), bowling: bowlingAfter(ball) }),
    ],
  });
}

/** Balls 1 to `last`, in order. */
export const ballsUpTo = (last: number): number[] => Array.from({ length: last }, (_, i) => i + 1);
