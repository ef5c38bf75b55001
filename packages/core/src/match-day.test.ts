import { describe, expect, it } from 'vitest';
import { matchDay } from './match-day.ts';

describe('matchDay', () => {
  it("is the calendar day in the club's time zone, not UTC's", () => {
    expect(matchDay('2025-06-14T23:30:00.000Z', 'Europe/London')).toBe('2025-06-15');
    expect(matchDay('2025-06-14T22:59:00.000Z', 'Europe/London')).toBe('2025-06-14');
    expect(matchDay('2025-01-11T23:30:00.000Z', 'Europe/London')).toBe('2025-01-11');
  });
});
