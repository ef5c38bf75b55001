import { describe, expect, it } from 'vitest';
import { battingLine, bowlingLine, scoreLine, wicketLine, wordMoment } from './text.ts';
import { batter, bowler, innings, out } from './test-support.ts';

describe('notification text', () => {
  describe('score line', () => {
    it('shows runs/wickets and overs while the innings goes on', () => {
      expect(scoreLine(innings('Cleckheaton', { runs: 176, wickets: 4, overs: '38.2' }))).toBe(
        'Cleckheaton 176/4 (38.2 ov)',
      );
    });

    it('says "all out" at ten wickets, or when the site says so with fewer', () => {
      expect(scoreLine(innings('Scholes', { runs: 104, wickets: 10, overs: '33.4' }))).toBe(
        'Scholes 104 all out (33.4 ov)',
      );
      expect(
        scoreLine(innings('Scholes', { runs: 88, wickets: 9, overs: '30', text: '88 all out (30 Overs)' })),
      ).toBe('Scholes 88 all out (30 ov)');
    });

    it('marks a declaration and leaves out overs the site has not given', () => {
      expect(
        scoreLine(innings('Scholes', { runs: 250, wickets: 6, overs: null, text: '250 for 6 dec' })),
      ).toBe('Scholes 250/6 dec');
    });
  });

  it('words a wicket as the batter, how out and runs', () => {
    expect(wicketLine(out('A Deegan', 'ct Smith b Jones', 35))).toBe('WICKET: A Deegan ct Smith b Jones 35');
  });

  describe('batting line', () => {
    it('stars a batter still in and lists balls and boundaries', () => {
      expect(battingLine(batter('A Deegan', { runs: 50, balls: 48, fours: 6, sixes: 1 }))).toBe(
        'A Deegan 50* (48 balls, 6x4 1x6)',
      );
    });

    it('drops the star once out, and boundaries never hit', () => {
      expect(battingLine(out('A Deegan', 'b Jones', 101, { balls: 90, fours: 0, sixes: 3 }))).toBe(
        'A Deegan 101 (90 balls, 3x6)',
      );
    });

    it('leaves out figures the site does not give', () => {
      expect(battingLine(batter('A Deegan', { runs: 50, balls: null, fours: null, sixes: null }))).toBe(
        'A Deegan 50*',
      );
    });
  });

  it("words a bowler's milestone with the figures as scorers write them", () => {
    expect(bowlingLine(bowler('J Thurwell', { overs: '10.4', maidens: 2, runs: 36, wickets: 5 }))).toBe(
      'J Thurwell 5 wickets (10.4-2-36-5)',
    );
  });

  it('cuts a title or body that would not fit a lock screen', () => {
    const longName = `${'Very '.repeat(40)}Long Name`;
    const { title, body } = wordMoment(
      {
        kind: 'wicket',
        at: { number: 1, innings: innings('X', { runs: 0, wickets: 1 }) },
        wicket: 1,
        key: 'x',
        batter: out(longName, 'b Y', 0),
      },
      { teamLabel: '1st XI' },
    );
    expect(title).toBe('1st XI · Wicket');
    expect(body).toHaveLength(160);
    expect(body.endsWith('…')).toBe(true);
  });
});
