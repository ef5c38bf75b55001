import type { Batter, Innings, Scorecard } from '@live-scores/schema';

/** "33.4" → 202 balls. Overs are never decimal: the digit after the point counts balls. */
export function oversToBalls(overs: string | null): number {
  if (overs === null) return 0;
  const [whole = '0', balls = '0'] = overs.split('.');
  return Number(whole) * 6 + Number(balls);
}

/** "33.4" → 33: the overs bowled in full. */
export function completedOvers(overs: string | null): number {
  return Math.floor(oversToBalls(overs) / 6);
}

/**
 * Retired hurt/ill/not out and absent batters may come back, so they are not wickets, even
 * if a page marks them out; "retired out" is a dismissal.
 */
const NOT_A_WICKET = /^\s*(retired|absent)\b(?!\s*out\b)/i;

export function isDismissal(batter: Batter): boolean {
  return batter.out && !NOT_A_WICKET.test(batter.howOut);
}

/** All out at ten wickets, or earlier when a side is short and the site prints "all out". */
export function isAllOut(innings: Innings): boolean {
  return innings.total.wickets >= 10 || /\ball out\b/i.test(innings.total.text);
}

export function isDeclared(innings: Innings): boolean {
  return /\bdec(lared)?\b/i.test(innings.total.text);
}

/** Whether a ball (or a run) has been recorded: an innings tab at 0/0 is not worth a word. */
export function hasStarted(innings: Innings): boolean {
  return oversToBalls(innings.total.overs) > 0 || innings.total.runs > 0 || innings.total.wickets > 0;
}

/** An innings is over when the side is all out or declares, the next innings exists, or the match is. */
export function isInningsOver(scorecard: Scorecard, index: number): boolean {
  const innings = scorecard.innings[index];
  if (innings === undefined) return false;
  return (
    index < scorecard.innings.length - 1 ||
    scorecard.status === 'complete' ||
    isAllOut(innings) ||
    isDeclared(innings)
  );
}

/**
 * "by 8 wickets" or "by 10 runs" for a finished two-innings match, read from the totals; null
 * when the totals name no winner (a tie, or a chase that neither got there nor ended).
 */
export function marginOf(innings: readonly Innings[]): string | null {
  const [first, chase] = innings;
  if (!first || !chase || innings.length !== 2) return null;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (chase.total.runs > first.total.runs) return `by ${plural(10 - chase.total.wickets, 'wicket')}`;
  if (chase.total.runs < first.total.runs) return `by ${plural(first.total.runs - chase.total.runs, 'run')}`;
  return null;
}
