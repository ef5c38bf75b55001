import { Scorecard } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { playMatch } from './match.ts';
import { truthScorecard } from './truth.ts';

const home = { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' };
const away = { club: 'Scholes CC', text: 'Scholes CC - 1st XI' };
const context = {
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'http://127.0.0.1:8081/website/results/6123456',
  capturedAt: '2025-06-07T14:00:00.000Z',
};

describe('truthScorecard', () => {
  it('is a valid Scorecard at every version of a match', () => {
    const timeline = playMatch({ seed: 31, home, away, oversPerSide: 20 });
    for (const state of timeline.states) {
      expect(Scorecard.safeParse(truthScorecard(timeline, state, context)).success).toBe(true);
    }
  });

  it('shows an unstarted match as not-started with no innings', () => {
    const timeline = playMatch({ seed: 31, home, away });
    expect(truthScorecard(timeline, timeline.states[0]!, context)).toMatchObject({
      status: 'not-started',
      result: null,
      innings: [],
      seq: 0,
    });
  });

  it('leaves every figure empty for batters yet to face, and says not out for those at the crease', () => {
    const timeline = playMatch({ seed: 31, home, away });
    const firstLegalBall = timeline.states.find(
      (s) => s.innings[0]?.legalBalls === 1 && s.innings[0].wickets === 0,
    )!;
    const card = truthScorecard(timeline, firstLegalBall, context);
    const [opener, partner, next] = card.innings[0]!.batting;
    const faced = [opener, partner].find((b) => b!.balls !== null)!;
    const yetToFace = [opener, partner].find((b) => b!.balls === null)!;
    expect(faced.howOut === 'not out' || faced.out).toBe(true);
    expect(yetToFace).toMatchObject({
      howOut: 'not out',
      out: false,
      runs: null,
      balls: null,
      minutes: null,
    });
    expect(next).toMatchObject({ howOut: '', out: false, runs: null, balls: null, strikeRate: null });
  });

  it('names the winner, drops " CC" from teams and prints totals as the site does', () => {
    const timeline = playMatch({ seed: 12, home, away });
    const card = truthScorecard(timeline, timeline.states[timeline.states.length - 1]!, context);
    expect(card.status).toBe('complete');
    expect(card.result).toMatch(/^(Cleckheaton|Scholes) WON BY \d+ (RUNS?|WICKETS?)$/);
    expect(card.innings.map((i) => i.team).sort()).toEqual(['Cleckheaton', 'Scholes']);
    for (const inn of card.innings) {
      expect(inn.total.text).toMatch(/^\d+ (all out|for \d) \(\d+(\.[1-5])? Overs, \d+ mins\)$/);
      expect(inn.total.text.startsWith(`${inn.total.runs} `)).toBe(true);
      const batted = inn.batting.reduce((sum, b) => sum + (b.runs ?? 0), 0);
      expect(batted + (inn.extras ?? 0)).toBe(inn.total.runs);
    }
  });

  it('writes every kind of dismissal the way the site writes it', () => {
    const howOuts = new Set<string>();
    for (let seed = 40; seed < 52; seed++) {
      const timeline = playMatch({ seed, home, away });
      const card = truthScorecard(timeline, timeline.states[timeline.states.length - 1]!, context);
      for (const b of card.innings.flatMap((i) => i.batting)) {
        howOuts.add(b.howOut.replace(/[A-Z]\s[A-Z][\w'-]+/g, 'X'));
      }
    }
    expect([...howOuts].sort()).toEqual(
      [
        '',
        'X',
        'b X',
        'ct X b X',
        'hit wicket b X',
        'lbw b X',
        'not out',
        'retired hurt',
        'run out (X)',
        'st X b X',
      ]
        .filter((h) => h !== 'X')
        .sort(),
    );
  });
});
