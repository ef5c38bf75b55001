import type { Innings, Scorecard } from '@live-scores/schema';
import { Scorecard as ScorecardSchema } from '@live-scores/schema';
import { batterLine, bowlerLine, extrasTotal, fallOfWicketsText, inningsTotal } from './figures.ts';
import type { InningsState } from './innings.ts';
import type { MatchState, MatchTimeline } from './match.ts';
import { shortClubName } from './names.ts';
import { resultText } from './result.ts';

/** Who is looking at the match, and when: the fields a Scorecard carries beyond the match itself. */
export interface TruthContext {
  matchId: string;
  teamId: string;
  url: string;
  capturedAt: string;
  seq?: number;
}

export function truthInnings(innings: InningsState): Innings {
  return {
    team: shortClubName(innings.club),
    batting: innings.batters.map((b) => batterLine(b, innings.elapsed)),
    extras: extrasTotal(innings),
    total: inningsTotal(innings),
    fallOfWickets: fallOfWicketsText(innings),
    bowling: innings.bowlers.map(bowlerLine),
  };
}

/** The ground truth at one state: exactly what a perfect parser of the rendered page returns. */
export function truthScorecard(timeline: MatchTimeline, state: MatchState, context: TruthContext): Scorecard {
  return ScorecardSchema.parse({
    schemaVersion: 1,
    matchId: context.matchId,
    teamId: context.teamId,
    url: context.url,
    capturedAt: context.capturedAt,
    seq: context.seq ?? state.version,
    status: state.phase,
    result: state.result ? resultText(timeline, state.result) : null,
    innings: state.innings.map(truthInnings),
  });
}

/** An innings total at the end of an over, as the simulator bowled it. */
export interface TruthOverEnd {
  runs: number;
  wickets: number;
}

/**
 * Per innings, the total at the end of over 1, 2, …: the first state whose legal balls reach
 * the over's sixth. What an over-by-over history folded from the scorecards must agree with.
 */
export function truthOverEnds(timeline: MatchTimeline): TruthOverEnd[][] {
  const ends: TruthOverEnd[][] = [];
  for (const state of timeline.states)
    state.innings.forEach((innings, i) => {
      const over = innings.legalBalls / 6;
      const list = (ends[i] ??= []);
      if (Number.isInteger(over) && over === list.length + 1)
        list.push({ runs: innings.runs, wickets: innings.wickets });
    });
  return ends;
}

/**
 * Every state of a match as a perfect scraper would capture it: seq its version, captured at
 * `startMs` plus the match time it happened.
 */
export function truthCaptures(
  timeline: MatchTimeline,
  context: Omit<TruthContext, 'capturedAt' | 'seq'> & { startMs: number },
): Scorecard[] {
  const { startMs, ...who } = context;
  return timeline.states.map((state) =>
    truthScorecard(timeline, state, {
      ...who,
      capturedAt: new Date(startMs + state.elapsed * 1000).toISOString(),
      seq: state.version,
    }),
  );
}
