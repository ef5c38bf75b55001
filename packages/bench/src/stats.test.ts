import { describe, expect, it } from 'vitest';
import { median, meetsTarget, percentile } from './stats.ts';

describe('median', () => {
  it('is the middle value of an odd count, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile', () => {
  const hundred = Array.from({ length: 101 }, (_, i) => i);

  it('gives the extremes at 0 and 100', () => {
    expect(percentile([7, 2, 9], 0)).toBe(2);
    expect(percentile([7, 2, 9], 100)).toBe(9);
  });

  it('interpolates between ranks', () => {
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile([10, 20], 95)).toBe(19.5);
  });

  it('refuses an empty sample or a percentile outside 0–100', () => {
    expect(() => percentile([], 50)).toThrow('percentile of no values');
    expect(() => percentile([1], 101)).toThrow('percentile must be 0–100, got 101');
  });
});

describe('meetsTarget', () => {
  it('checks at-least and at-most targets, inclusive', () => {
    expect(meetsTarget(500, { op: '>=', value: 500 })).toBe(true);
    expect(meetsTarget(499, { op: '>=', value: 500 })).toBe(false);
    expect(meetsTarget(2, { op: '<=', value: 2 })).toBe(true);
    expect(meetsTarget(2.1, { op: '<=', value: 2 })).toBe(false);
  });
});
