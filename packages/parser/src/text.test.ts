import { describe, expect, it } from 'vitest';
import { ScorecardParseError } from './errors.ts';
import { clubName, normaliseSpace, readCount, readDecimal } from './text.ts';

describe('clubName', () => {
  it.each([
    ['Scholes CC', 'Scholes'],
    ['Cleckheaton CC - 1st XI', 'Cleckheaton'],
    ['  Hanging Heaton CC -  2nd XI ', 'Hanging Heaton'],
    ['Bradford & Bingley C.C.', 'Bradford & Bingley'],
    ['Pudsey St Lawrence', 'Pudsey St Lawrence'],
    ['Stoke-on-Trent CC', 'Stoke-on-Trent'],
  ])('reduces "%s" to "%s"', (text, club) => {
    expect(clubName(text)).toBe(club);
  });
});

describe('normaliseSpace', () => {
  it('collapses newlines, tabs and non-breaking spaces', () => {
    expect(normaliseSpace("\n  P\u00a0O'Neill\t ")).toBe("P O'Neill");
  });
});

describe('readCount', () => {
  it('reads whole numbers, tolerating a not-out star', () => {
    expect(readCount(' 37 ', 'runs')).toBe(37);
    expect(readCount('51*', 'runs')).toBe(51);
  });

  it('reads a blank or dashed figure as null', () => {
    expect(readCount('', 'runs')).toBeNull();
    expect(readCount(' - ', 'runs')).toBeNull();
  });

  it('rejects anything else, naming the figure', () => {
    expect(() => readCount('1O', 'innings 1, batter "S Mahmood" runs')).toThrow(
      new ScorecardParseError('innings 1, batter "S Mahmood" runs: "1O" is not a whole number'),
    );
  });
});

describe('readDecimal', () => {
  it('reads rates and treats blanks as null', () => {
    expect(readDecimal('71.15', 'strike rate')).toBe(71.15);
    expect(readDecimal('', 'strike rate')).toBeNull();
  });

  it('rejects text that is not a number', () => {
    expect(() => readDecimal('n/a', 'economy')).toThrow('economy: "n/a" is not a number');
  });
});
