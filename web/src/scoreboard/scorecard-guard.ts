import type {
  Batter,
  Bowler,
  Innings,
  LiveDiffMessage,
  LiveMessage,
  LiveOversMessage,
  LiveScorecardMessage,
  Scorecard,
} from '@live-scores/schema';
import { isOverHistory } from '../overs/over-history-guard.ts';

/*
 * The server validated every scorecard with the zod schema before sending it. The page checks
 * again only the shape it renders, by hand, because zod would be larger than the whole page
 * budget; anything that fails is dropped, so a bad frame can never blank a good card.
 */

type Unknown = Record<string, unknown>;

const isObject = (v: unknown): v is Unknown => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCountOrNull = (v: unknown): boolean => v === null || isCount(v);
const STATUSES: ReadonlySet<unknown> = new Set<Scorecard['status']>([
  'not-started',
  'in-progress',
  'complete',
]);

function isBatter(v: unknown): v is Batter {
  return (
    isObject(v) &&
    isString(v.name) &&
    isString(v.howOut) &&
    typeof v.out === 'boolean' &&
    ['runs', 'balls', 'minutes', 'fours', 'sixes', 'strikeRate'].every((k) => isCountOrNull(v[k]))
  );
}

function isBowler(v: unknown): v is Bowler {
  return (
    isObject(v) &&
    isString(v.name) &&
    isString(v.overs) &&
    ['maidens', 'runs', 'wickets'].every((k) => isCount(v[k])) &&
    ['wides', 'noBalls', 'economy'].every((k) => isCountOrNull(v[k]))
  );
}

function isInnings(v: unknown): v is Innings {
  if (!isObject(v) || !isString(v.team) || !isString(v.fallOfWickets) || !isCountOrNull(v.extras))
    return false;
  const total = v.total;
  return (
    isObject(total) &&
    isCount(total.runs) &&
    isCount(total.wickets) &&
    (total.overs === null || isString(total.overs)) &&
    isString(total.text) &&
    Array.isArray(v.batting) &&
    v.batting.every(isBatter) &&
    Array.isArray(v.bowling) &&
    v.bowling.every(isBowler)
  );
}

export function isScorecard(v: unknown): v is Scorecard {
  return (
    isObject(v) &&
    v.schemaVersion === 1 &&
    isString(v.matchId) &&
    isString(v.teamId) &&
    isString(v.url) &&
    isString(v.capturedAt) &&
    !Number.isNaN(Date.parse(v.capturedAt)) &&
    (v.seq === undefined || isCount(v.seq)) &&
    STATUSES.has(v.status) &&
    (v.result === null || isString(v.result)) &&
    Array.isArray(v.innings) &&
    v.innings.every(isInnings)
  );
}

const isCapture = (v: unknown): v is LiveDiffMessage['base'] =>
  isObject(v) && isString(v.capturedAt) && isCount(v.seq);

/** The envelope of a diff; its edits are checked by applying them and checking the result as a scorecard. */
function isDiff(message: Unknown): message is LiveDiffMessage {
  return (
    isString(message.matchId) &&
    isString(message.teamId) &&
    isString(message.capturedAt) &&
    isCount(message.seq) &&
    isCapture(message.base) &&
    Array.isArray(message.changes) &&
    message.changes.every((c) => isObject(c) && Array.isArray(c.at))
  );
}

/** Every frame the page acts on: scorecards, their diffs and over histories. */
export type PageLiveMessage = LiveMessage | LiveOversMessage;

/**
 * A `{ type: "scorecard" }`, `{ type: "diff" }` or `{ type: "overs" }` frame from the live
 * socket, or null for anything else (pongs, errors, junk).
 */
export function parseLiveMessage(data: unknown): PageLiveMessage | null {
  if (!isString(data)) return null;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(message)) return null;
  if (message.type === 'diff') return isDiff(message) ? message : null;
  if (message.type === 'overs') return isOverHistory(message.history) ? (message as LiveOversMessage) : null;
  if (message.type !== 'scorecard' || !isScorecard(message.scorecard)) return null;
  if (message.fetch !== undefined && !isString(message.fetch)) return null;
  return message as LiveScorecardMessage;
}

/**
 * The scorecards in an `/api/scorecards` response: a bare array or `{ scorecards: [...] }`,
 * or a single scorecard (`/api/scorecards/:teamId`). Invalid entries are dropped one by one.
 */
export function scorecardsFromResponse(body: unknown): Scorecard[] {
  const list = Array.isArray(body)
    ? body
    : isObject(body) && Array.isArray(body.scorecards)
      ? body.scorecards
      : [body];
  return list.filter(isScorecard);
}
