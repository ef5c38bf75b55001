import { ScorecardParseError } from './errors.ts';

/** Collapses runs of whitespace (including &nbsp;) to one space and trims the ends. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * A team as the page names it, reduced to the club: "Cleckheaton CC - 1st XI" → "Cleckheaton".
 * Play-Cricket writes teams as "<club> - <side>", so the side follows the last spaced dash.
 */
export function clubName(text: string): string {
  return normaliseSpace(text)
    .replace(/\s+[-–]\s+[^-–]*$/, '')
    .replace(/\s+C\.?C\.?$/, '');
}

const BLANK_FIGURE = /^[-–]?$/;

/**
 * A whole-number figure (runs, balls, wickets…). Blank or "-" is null: the batter has not
 * faced a ball yet. A not-out star ("37*") is tolerated. Anything else is a parse error
 * naming `where`, so a garbled page never becomes a wrong number.
 */
export function readCount(text: string, where: string): number | null {
  const value = normaliseSpace(text).replace(/\*$/, '');
  if (BLANK_FIGURE.test(value)) return null;
  if (!/^\d+$/.test(value)) throw new ScorecardParseError(`${where}: "${value}" is not a whole number`);
  return Number(value);
}

/** A decimal figure such as a strike rate or economy ("71.15"); blank or "-" is null. */
export function readDecimal(text: string, where: string): number | null {
  const value = normaliseSpace(text);
  if (BLANK_FIGURE.test(value)) return null;
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(value))
    throw new ScorecardParseError(`${where}: "${value}" is not a number`);
  return Number(value);
}
