import { foldOvers, overHistoryOf } from '@live-scores/notify';
import type { OverFold, OverHistory, Scorecard } from '@live-scores/schema';
import { playMatch, truthScorecard, type MatchState, type MatchTimeline } from '@live-scores/simulator';

/*
 * A match the simulator played ball by ball: every scorecard a perfect scraper would have
 * captured, and the over history the server folds from them. Tests check the page against the
 * simulator's own states, not against numbers written by hand.
 */

const START = Date.parse('2025-06-14T13:00:00.000Z');

export interface SimulatedMatch {
  timeline: MatchTimeline;
  /** One scorecard per state of the match, in order. */
  scorecards: Scorecard[];
  /** The over history folded from these scorecards (in the order given). */
  historyOf(scorecards: readonly Scorecard[]): OverHistory;
  /** The index of the first state matching the condition. */
  stateWhere(test: (state: MatchState) => boolean): number;
  /** Per innings, the score at the end of over 1, 2, … as the simulator played it, up to a state. */
  overEnds(upTo: number): { runs: number; wickets: number }[][];
}

export function simulatedMatch(options: {
  matchId: string;
  teamId: string;
  seed: number;
  oversPerSide: number;
}): SimulatedMatch {
  const timeline = playMatch({
    seed: options.seed,
    oversPerSide: options.oversPerSide,
    home: { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' },
    away: { club: 'Scholes CC', text: 'Scholes CC - 1st XI' },
  });
  const scorecards = timeline.states.map((state) =>
    truthScorecard(timeline, state, {
      matchId: options.matchId,
      teamId: options.teamId,
      url: `http://127.0.0.1:8081/website/results/${options.matchId}`,
      capturedAt: new Date(START + state.elapsed * 1000).toISOString(),
      seq: state.version,
    }),
  );
  return {
    timeline,
    scorecards,
    historyOf: (cards) => overHistoryOf(cards.reduce<OverFold | undefined>(foldOvers, undefined)!),
    overEnds: (upTo) => {
      const ends: { runs: number; wickets: number }[][] = [];
      for (const state of timeline.states.slice(0, upTo + 1))
        state.innings.forEach((inn, i) => {
          const list = (ends[i] ??= []);
          if (inn.legalBalls === (list.length + 1) * 6) list.push({ runs: inn.runs, wickets: inn.wickets });
        });
      return ends;
    },
    stateWhere: (test) => {
      const index = timeline.states.findIndex(test);
      if (index < 0) throw new Error('the simulated match never reached that state');
      return index;
    },
  };
}
