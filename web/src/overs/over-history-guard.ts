import type { InningsOvers, OverBall, OverHistory, OverSlot } from '@live-scores/schema';

/*
 * The over history's shape checked by hand, as the scorecards are (see scorecard-guard.ts):
 * zod would outweigh the page. Anything that fails is dropped, so a bad frame never blanks a
 * chart that was right.
 */

type Unknown = Record<string, unknown>;

const isObject = (v: unknown): v is Unknown => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
const isWickets = (v: unknown): v is number => isCount(v, 10);

function isSlot(v: unknown, index: number): v is OverSlot {
  if (!isObject(v) || v.over !== index + 1) return false;
  if (v.gap === true) return v.runs === undefined && v.wickets === undefined;
  return v.gap === undefined && isCount(v.runs) && isWickets(v.wickets);
}

const isBall = (v: unknown): v is OverBall =>
  isObject(v) && isCount(v.legal, 6) && isCount(v.runs) && isWickets(v.wickets);

function isInningsOvers(v: unknown): v is InningsOvers {
  if (!isObject(v) || !isString(v.team) || !Array.isArray(v.overs) || !v.overs.every(isSlot)) return false;
  const { latest, thisOver } = v;
  if (!isObject(latest) || !isCount(latest.legalBalls) || !isCount(latest.runs) || !isWickets(latest.wickets))
    return false;
  return (
    thisOver === null ||
    (isObject(thisOver) &&
      isCount(thisOver.over) &&
      typeof thisOver.fromStart === 'boolean' &&
      Array.isArray(thisOver.balls) &&
      thisOver.balls.every(isBall))
  );
}

/** Whether a value is an over history the page can draw (overs numbered 1, 2, … in order). */
export function isOverHistory(v: unknown): v is OverHistory {
  if (!isObject(v) || !isString(v.matchId) || !isString(v.teamId)) return false;
  const { upTo } = v;
  return (
    isObject(upTo) &&
    isString(upTo.capturedAt) &&
    !Number.isNaN(Date.parse(upTo.capturedAt)) &&
    isCount(upTo.seq) &&
    Array.isArray(v.innings) &&
    v.innings.length <= 4 &&
    v.innings.every(isInningsOvers)
  );
}
