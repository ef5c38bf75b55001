/**
 * EventBridge Scheduler cron expressions, evaluated in a time zone, so the single-machine
 * scheduler fires at exactly the moments AWS would: `cron(minutes hours day-of-month month
 * day-of-week year)`, day-of-week 1-7 = SUN-SAT, one of the two day fields must be "?".
 * Supported: `*`, `?`, lists, ranges, steps and names; `L`, `W` and `#` are not.
 */

export interface CronSchedule {
  readonly expression: string;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  /** undefined = any (the field was "?" or "*") */
  readonly daysOfMonth: ReadonlySet<number> | undefined;
  readonly months: ReadonlySet<number>;
  /** 0-6 = Sunday-Saturday; undefined = any */
  readonly daysOfWeek: ReadonlySet<number> | undefined;
  readonly years: ReadonlySet<number> | undefined;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export class CronError extends Error {
  override name = 'CronError';
}

function parseField(
  field: string,
  min: number,
  max: number,
  names: string[] = [],
  label: string,
): Set<number> {
  const values = new Set<number>();
  const value = (token: string): number => {
    const named = names.indexOf(token.toUpperCase());
    const n = named >= 0 ? named + min : /^\d+$/.test(token) ? Number(token) : NaN;
    if (!(n >= min && n <= max)) throw new CronError(`${label}: "${token}" is not between ${min} and ${max}`);
    return n;
  };
  for (const part of field.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`${label}: bad step in "${part}"`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [min, max];
    else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      [from, to] = [value(a), value(b)];
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    if (from > to) throw new CronError(`${label}: range "${range}" runs backwards`);
    for (let n = from; n <= to; n += step) values.add(n);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  const match = /^cron\((.*)\)$/.exec(expression.trim());
  const fields = match?.[1]?.trim().split(/\s+/);
  if (!fields || fields.length !== 6) {
    throw new CronError('expected cron(minutes hours day-of-month month day-of-week year)');
  }
  const [min = '', hour = '', dom = '', month = '', dow = '', year = ''] = fields;
  if (/[LW#]/i.test(dom.replace(/[A-Z]{3}/gi, '')) || /[L#]/.test(dow.replace(/[A-Z]{3}/gi, ''))) {
    throw new CronError('L, W and # are not supported');
  }
  if ((dom === '?') === (dow === '?')) {
    throw new CronError('exactly one of day-of-month and day-of-week must be "?"');
  }
  const anyDay = (f: string) => f === '?' || f === '*';
  // EventBridge numbers days 1-7 from Sunday; we keep JavaScript's 0-6.
  const daysOfWeek = anyDay(dow)
    ? undefined
    : new Set([...parseField(dow, 1, 7, DAYS, 'day-of-week')].map((d) => d - 1));
  return {
    expression,
    minutes: parseField(min, 0, 59, [], 'minutes'),
    hours: parseField(hour, 0, 23, [], 'hours'),
    daysOfMonth: anyDay(dom) ? undefined : parseField(dom, 1, 31, [], 'day-of-month'),
    months: parseField(month, 1, 12, MONTHS, 'month'),
    daysOfWeek,
    years: year === '*' ? undefined : parseField(year, 1970, 2199, [], 'year'),
  };
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: Date, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(at)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: DAYS.indexOf((parts.weekday ?? '').toUpperCase().slice(0, 3)),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

const MINUTE = 60_000;

/**
 * The first moment strictly after `after` when the schedule fires in `timeZone`, or
 * undefined when there is none in the next `horizonDays` days.
 */
export function nextFireTime(
  schedule: CronSchedule,
  after: Date,
  timeZone: string,
  horizonDays = 400,
): Date | undefined {
  let t = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE;
  const end = after.getTime() + horizonDays * 24 * 60 * MINUTE;
  while (t <= end) {
    const w = wallClock(new Date(t), timeZone);
    const dayMatches =
      (!schedule.years || schedule.years.has(w.year)) &&
      schedule.months.has(w.month) &&
      (!schedule.daysOfMonth || schedule.daysOfMonth.has(w.day)) &&
      (!schedule.daysOfWeek || schedule.daysOfWeek.has(w.weekday));
    if (!dayMatches && w.hour < 23) {
      // Skip the rest of the day but its last hour: a day is 23 to 25 hours long across a
      // daylight-saving change, so this never passes the next midnight. A schedule that
      // waits months (the winter, or a year far ahead) takes a few steps a day, not 24.
      t += ((23 - w.hour) * 60 - w.minute) * MINUTE;
      continue;
    }
    if (!dayMatches || !schedule.hours.has(w.hour)) {
      // Skip to the next whole hour: cheap, and safe across daylight-saving changes.
      t += (60 - w.minute) * MINUTE;
      continue;
    }
    if (schedule.minutes.has(w.minute)) return new Date(t);
    t += MINUTE;
  }
  return undefined;
}
