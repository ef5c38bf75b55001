import type { InningsTotal } from '@live-scores/schema';
import { ScorecardParseError } from './errors.ts';
import { normaliseSpace } from './text.ts';

/** "176 for 4", "212/7", "212-7" (and "212 / 7", "212 for 7 dec"). */
const RUNS_FOR_WICKETS = /^(\d+)\s*(?:for|\/|-)\s*(\d+)\b/i;
/** "104 all out": the innings ended with ten wickets down. */
const ALL_OUT = /^(\d+)\s+all\s*out\b/i;
/** "(38.2 Overs, 164 mins)", "(50 Overs)", "38.2 ov". */
const OVERS = /(\d{1,3}(?:\.\d)?)\s*(?:overs?|ov)\b/i;

/**
 * Reads an innings total in any of the forms a scorer's site prints:
 * `176 for 4 (38.2 Overs, 164 mins)`, `104 all out (33.4 Overs, 142 mins)`, `212/7 (50 Overs)`,
 * `212-7`, `212 all out`, or `0 for 0` before the first ball. `text` keeps the printed form.
 */
export function parseTotal(printed: string): InningsTotal {
  const text = normaliseSpace(printed);
  const overs = OVERS.exec(text)?.[1] ?? null;
  const allOut = ALL_OUT.exec(text);
  if (allOut) return { runs: Number(allOut[1]), wickets: 10, overs, text };
  const score = RUNS_FOR_WICKETS.exec(text);
  if (score) return { runs: Number(score[1]), wickets: Number(score[2]), overs, text };
  throw new ScorecardParseError(
    text
      ? `total "${text}" is not a score like "176 for 4 (38.2 Overs)", "212/7" or "104 all out"`
      : 'the innings total is empty',
  );
}
