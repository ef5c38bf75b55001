import type { Innings, Scorecard } from '@live-scores/schema';
import { type ForcedOutcome, playMatch, truthScorecard } from '@live-scores/simulator';
import { describe, expect, it } from 'vitest';
import { oversToBalls } from '../cricket.ts';
import { parseFallOfWickets } from '../fall-of-wickets.ts';
import { checkReportText } from './check.ts';
import { reportFacts } from './facts.ts';
import { templateReport } from './template.ts';

const naming = { clubName: 'Cleckheaton', teamLabel: '1st XI' };
const context = {
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'http://127.0.0.1:8081/website/results/6123456',
  capturedAt: '2025-06-07T18:00:00.000Z',
};

interface Simulated {
  scorecard: Scorecard;
  oversPerSide: number;
  margin: number | null;
}

function simulate(seed: number, outcome: ForcedOutcome | undefined, oversPerSide: number): Simulated {
  const timeline = playMatch({
    seed,
    oversPerSide,
    home: { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' },
    away: { club: 'Scholes CC', text: 'Scholes CC - 1st XI' },
    ...(outcome ? { outcome } : {}),
  });
  const final = timeline.states.at(-1)!;
  return { scorecard: truthScorecard(timeline, final, context), oversPerSide, margin: final.result!.margin };
}

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
const matches: Simulated[] = SEEDS.flatMap((seed) =>
  ([undefined, 'tie', 'abandoned', 'no-result'] as const).map((outcome) =>
    simulate(seed, outcome, seed % 2 ? 20 : 40),
  ),
);

const sentencesOf = (body: string): string[] => body.split(/(?<=\.)\s+/).filter((s) => s.trim() !== '');

/** The innings a sentence is about: the team it names, the fielding side for bowling. */
function inningsOf(scorecard: Scorecard, team: string): Innings {
  const innings = scorecard.innings.find((i) => i.team === team);
  if (!innings) throw new Error(`no innings of ${team}`);
  return innings;
}

function scoreText(i: Innings): RegExp {
  const { runs, wickets } = i.total;
  return new RegExp(`^(${runs} all out|${runs} for ${wickets}|${runs})$`);
}

/** Every figure a sentence states, recomputed from the scorecard on its own. */
function verifySentence(sentence: string, sim: Simulated): void {
  const card = sim.scorecard;
  const [first, second] = card.innings;
  let m: RegExpExecArray | null;
  if ((m = /^(\w+) won by (\d+) (runs?|wickets?)(?: with (\d+) balls? to spare)?\.$/.exec(sentence))) {
    expect(Number(m[2])).toBe(sim.margin);
    if (m[3]!.startsWith('run')) expect(Number(m[2])).toBe(first!.total.runs - second!.total.runs);
    else expect(Number(m[2])).toBe(10 - second!.total.wickets);
    if (m[4]) expect(Number(m[4])).toBe(sim.oversPerSide * 6 - oversToBalls(second!.total.overs));
    return;
  }
  if (
    (m =
      /^(?:In reply, )?(\w+) (?:batted first and made|batted first and were bowled out for|reached|had reached|were bowled out for|finished on) (.+?) (?:from|in) ([\d.]+) overs?(?: when play ended)?\.$/.exec(
        sentence,
      ))
  ) {
    const innings = inningsOf(card, m[1]!);
    expect(m[2]).toMatch(scoreText(innings));
    expect(m[3]).toBe(innings.total.overs);
    return;
  }
  if (
    (m =
      /^(.+?) (?:top-scored for|made a hundred for|hit a quick fifty for|made a fifty for) (\w+)(?:,| with) (\d+)( not out)?(?: from (\d+) balls?)?(?:, with (.+))?\.$/.exec(
        sentence,
      ))
  ) {
    const batter = inningsOf(card, m[2]!).batting.find((b) => b.name === m![1]);
    expect(batter, sentence).toBeDefined();
    expect(Number(m[3])).toBe(batter!.runs);
    expect(Boolean(m[4])).toBe(!batter!.out);
    if (m[5]) expect(Number(m[5])).toBe(batter!.balls);
    if (m[6]) {
      const fours = /(\d+) fours?/.exec(m[6]);
      const sixes = /(\d+) six(?:es)?/.exec(m[6]);
      expect(fours ? Number(fours[1]) : 0).toBe(batter!.fours ?? 0);
      expect(sixes ? Number(sixes[1]) : 0).toBe(batter!.sixes ?? 0);
    }
    const top = Math.max(...inningsOf(card, m[2]!).batting.map((b) => b.runs ?? 0));
    expect(batter!.runs).toBe(top);
    return;
  }
  if ((m = /also passed fifty\.$/.exec(sentence))) {
    for (const [, name, runs] of sentence.matchAll(/([A-Z][\w' -]+?) \((\d+)/g)) {
      const batter = card.innings
        .flatMap((i) => i.batting)
        .find((b) => b.name === name!.replace(/^and /, ''));
      expect(batter?.runs, sentence).toBe(Number(runs));
      expect(Number(runs)).toBeGreaterThanOrEqual(50);
    }
    return;
  }
  if (
    (m =
      /^(.+?) took (\d+) for (\d+) from ([\d.]+) overs?(?: for (\w+))?(?:, including (\d+) maidens?)?\.$/.exec(
        sentence,
      ))
  ) {
    // Without a named fielding side the card has one innings only.
    const batting = m[5] ? card.innings.find((i) => i.team !== m![5])! : card.innings[0]!;
    const bowler = batting.bowling.find((b) => b.name === m![1]);
    expect(bowler, sentence).toBeDefined();
    expect([Number(m[2]), Number(m[3]), m[4]]).toEqual([bowler!.wickets, bowler!.runs, bowler!.overs]);
    expect(Number(m[6] ?? 0)).toBe(bowler!.maidens);
    expect(bowler!.wickets).toBe(Math.max(...batting.bowling.map((b) => b.wickets)));
    return;
  }
  if (
    (m = /^(?:The biggest stand of the innings was|An unbroken stand of) (\d+) for the (\w+) wicket/.exec(
      sentence,
    ))
  ) {
    const stands = card.innings.flatMap((i) => {
      const falls = parseFallOfWickets(i.fallOfWickets).map((f) => f.runs);
      return [...falls, i.total.runs].map((score, k) => score - (k === 0 ? 0 : falls[k - 1]!));
    });
    expect(stands).toContain(Number(m[1]));
    return;
  }
  if ((m = /^(\w+) lost (\d+) wickets for (\d+) runs in a collapse\.$/.exec(sentence))) {
    const falls = parseFallOfWickets(inningsOf(card, m[1]!).fallOfWickets).map((f) => f.runs);
    const wickets = Number(m[2]);
    const spans = falls.flatMap((_, from) =>
      falls[from + wickets - 1] === undefined
        ? []
        : [falls[from + wickets - 1]! - (from === 0 ? 0 : falls[from - 1]!)],
    );
    expect(spans).toContain(Number(m[3]));
    return;
  }
  if ((m = /^(.+?) gave little away, bowling (\d+) maidens in ([\d.]+) overs\.$/.exec(sentence))) {
    const bowler = card.innings.flatMap((i) => i.bowling).find((b) => b.name === m![1]);
    expect([bowler?.maidens, bowler?.overs]).toEqual([Number(m[2]), m[3]]);
    return;
  }
  // The remaining sentences state no figure at all.
  expect(sentence, 'a sentence with a number nobody checked').not.toMatch(/\d/);
}

describe('the match report written from the scorecard', () => {
  it('covers every kind of finish the simulator plays', () => {
    const kinds = new Set(matches.map((m) => reportFacts(m.scorecard, naming).finish.kind));
    expect([...kinds].sort()).toEqual(['abandoned', 'no-result', 'tie', 'won-by-runs', 'won-by-wickets']);
  });

  it.each(matches.map((m, i) => [i, m] as const))(
    'states only figures recomputed from the scorecard (match %i)',
    (_, sim) => {
      const report = templateReport(reportFacts(sim.scorecard, naming));
      const sentences = sentencesOf(report.body);
      expect(sentences.length).toBeGreaterThan(0);
      for (const sentence of sentences) verifySentence(sentence, sim);
    },
  );

  it('never writes an empty or a repeated sentence, and passes its own publication check', () => {
    for (const sim of matches) {
      const facts = reportFacts(sim.scorecard, naming);
      const report = templateReport(facts);
      const sentences = sentencesOf(report.body).map((s) => s.trim());
      expect(sentences.every((s) => s.length > 1)).toBe(true);
      expect(new Set(sentences).size).toBe(sentences.length);
      expect(report.title.trim()).not.toBe('');
      expect(checkReportText(report, facts)).toEqual({ ok: true });
    }
  });

  it('reads as cricket English for a chase won with balls to spare', () => {
    const sim = matches.find((m) => {
      const f = reportFacts(m.scorecard, naming).finish;
      return f.kind === 'won-by-wickets' && f.ballsToSpare !== null;
    })!;
    const { title, body } = templateReport(reportFacts(sim.scorecard, naming));
    expect(title).toMatch(/^(Cleckheaton|Scholes) beat (Cleckheaton|Scholes) by \d+ wickets?$/);
    expect(body).toMatch(/^(Cleckheaton|Scholes) won by \d+ wickets? with \d+ balls? to spare\.\n\n/);
    expect(body).toMatch(/batted first/);
    expect(body).toMatch(/In reply, /);
  });

  it('says a tie was a tie and names both sides', () => {
    const sim = matches.find((m) => m.scorecard.result === 'MATCH TIED')!;
    const { title, body } = templateReport(reportFacts(sim.scorecard, naming));
    expect(title).toMatch(/^(Cleckheaton v Scholes|Scholes v Cleckheaton): match tied$/);
    expect(body.startsWith('The scores finished level and the match was tied.')).toBe(true);
    expect(sim.scorecard.innings[0]!.total.runs).toBe(sim.scorecard.innings[1]!.total.runs);
  });

  it('tells a no result where play stopped', () => {
    const sim = matches.find((m) => m.scorecard.result === 'NO RESULT')!;
    const { body } = templateReport(reportFacts(sim.scorecard, naming));
    expect(body).toMatch(/^The match ended without a result\./);
    expect(body).toMatch(/had reached \d+ for \d+ from [\d.]+ overs? when play ended\./);
  });

  it('reports a match abandoned before a ball in one sentence, under the club team', () => {
    const scorecard: Scorecard = {
      ...context,
      schemaVersion: 1,
      seq: 1,
      status: 'complete',
      result: 'MATCH ABANDONED',
      innings: [],
    };
    expect(templateReport(reportFacts(scorecard, naming))).toEqual({
      title: 'Cleckheaton 1st XI: match abandoned',
      body: 'The match was abandoned without a ball bowled.',
    });
  });

  it('quotes a result the league wrote in its own words, and still tells the innings', () => {
    const sim = matches.find((m) => reportFacts(m.scorecard, naming).finish.kind === 'won-by-runs')!;
    const scorecard = { ...sim.scorecard, result: 'Scholes WON (CONCEDED)' };
    const { body } = templateReport(reportFacts(scorecard, naming));
    expect(body.split('\n\n')[0]).toBe('The league recorded the result as "Scholes WON (CONCEDED)".');
    expect(body).toMatch(/batted first/);
  });
});
