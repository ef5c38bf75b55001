import { describe, expect, it } from 'vitest';
import { CronError, nextFireTime, parseCron } from './cron.ts';

const london = 'Europe/London';
const next = (expr: string, after: string) =>
  nextFireTime(parseCron(expr), new Date(after), london)?.toISOString();

describe('EventBridge cron expressions in Europe/London', () => {
  it('fires at 21:00 local on match days in summer (BST, UTC+1)', () => {
    expect(next('cron(0 21 ? 4-9 SAT,SUN *)', '2026-06-12T12:00:00Z')).toBe('2026-06-13T20:00:00.000Z');
  });

  it('fires at 12:00 local in winter (GMT, UTC+0)', () => {
    expect(next('cron(0 12 ? * SAT *)', '2026-11-24T12:00:00Z')).toBe('2026-11-28T12:00:00.000Z');
  });

  it('skips the winter months to the first Saturday in April, after the clock change', () => {
    expect(next('cron(0/30 11-15 ? 4-9 SAT,SUN *)', '2026-11-24T00:00:00Z')).toBe('2027-04-03T10:00:00.000Z');
  });

  it('steps through every half hour of the window, then waits for the next match day', () => {
    const schedule = parseCron('cron(0/30 11-15 ? 4-9 SAT,SUN *)');
    const fired: string[] = [];
    let at = new Date('2026-06-13T09:59:00Z');
    for (let i = 0; i < 11; i++) {
      at = nextFireTime(schedule, at, london)!;
      fired.push(at.toISOString().slice(5, 16));
    }
    expect(fired).toEqual([
      '06-13T10:00',
      '06-13T10:30',
      '06-13T11:00',
      '06-13T11:30',
      '06-13T12:00',
      '06-13T12:30',
      '06-13T13:00',
      '06-13T13:30',
      '06-13T14:00',
      '06-13T14:30',
      '06-14T10:00',
    ]);
  });

  it('treats day-of-week 1 as Sunday and accepts day-of-month schedules', () => {
    expect(next('cron(15 9 ? * 1 *)', '2026-11-24T00:00:00Z')).toBe('2026-11-29T09:15:00.000Z');
    expect(next('cron(0 0 1 JAN ? *)', '2026-11-24T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('finds a firing just after midnight past a daylight-saving change, skipping whole days to it', () => {
    // Sunday 28 March 2027 has 23 hours, Sunday 25 October 2026 has 25.
    expect(next('cron(30 0 ? * MON *)', '2027-03-24T12:00:00Z')).toBe('2027-03-28T23:30:00.000Z');
    expect(next('cron(30 0 ? * MON *)', '2026-10-21T12:00:00Z')).toBe('2026-10-26T00:30:00.000Z');
    expect(next('cron(0 0 1 1 ? 2027)', '2026-11-24T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('fires every minute for cron(* * * * ? *)', () => {
    expect(next('cron(* * * * ? *)', '2026-11-24T10:00:30Z')).toBe('2026-11-24T10:01:00.000Z');
  });

  it('returns undefined when a year-limited schedule has no future time', () => {
    expect(next('cron(0 12 * * ? 2020)', '2026-01-01T00:00:00Z')).toBeUndefined();
  });

  it('rejects malformed expressions with a reason', () => {
    expect(() => parseCron('0 12 * * 6')).toThrow(CronError);
    expect(() => parseCron('cron(0 12 * * SAT *)')).toThrow(/exactly one of day-of-month and day-of-week/);
    expect(() => parseCron('cron(0 25 ? * SAT *)')).toThrow(/hours: "25" is not between 0 and 23/);
    expect(() => parseCron('cron(0 12 L * ? *)')).toThrow(/not supported/);
  });
});
