import { describe, expect, it } from 'vitest';
import { ScorecardParseError } from './errors.ts';
import { parseTotal } from './total.ts';

describe('parseTotal', () => {
  it.each([
    ['176 for 4 (38.2 Overs, 164 mins)', 176, 4, '38.2'],
    ['104 all out (33.4 Overs, 142 mins)', 104, 10, '33.4'],
    ['212/7 (50 Overs)', 212, 7, '50'],
    ['212-7', 212, 7, null],
    ['212 all out', 212, 10, null],
    ['0 for 0', 0, 0, null],
    ['212 / 7 (50 ov)', 212, 7, '50'],
    ['245 for 6 dec (52.3 Overs)', 245, 6, '52.3'],
  ])('reads "%s" as %i runs for %i wickets in %s overs', (text, runs, wickets, overs) => {
    expect(parseTotal(text)).toEqual({ runs, wickets, overs, text });
  });

  it('keeps the printed text with its whitespace collapsed', () => {
    expect(parseTotal('\n   141-7\n   (35.4 Overs,  150 mins) ')).toEqual({
      runs: 141,
      wickets: 7,
      overs: '35.4',
      text: '141-7 (35.4 Overs, 150 mins)',
    });
  });

  it.each([['Total'], ['for 4'], ['one hundred and four'], ['212']])('rejects "%s" with a reason', (text) => {
    expect(() => parseTotal(text)).toThrow(ScorecardParseError);
    expect(() => parseTotal(text)).toThrow(/is not a score like "176 for 4/);
  });

  it('rejects an empty total', () => {
    expect(() => parseTotal('  ')).toThrow('the innings total is empty');
  });
});
