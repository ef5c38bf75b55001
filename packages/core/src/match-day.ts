import type { MatchDay } from '@live-scores/schema';

/**
 * The calendar day of an instant in the club's time zone ("2025-06-14"). Keys and the
 * fixtures table use it, so a match captured at 00:30 BST is on the right day, not UTC's.
 */
export function matchDay(instant: Date | string, timeZone: string): MatchDay {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = dayFormat(timeZone).formatToParts(date);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Building a formatter costs far more than using one, and every scorecard stored asks for one. */
const formats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}
