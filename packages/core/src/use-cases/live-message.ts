import {
  compareScorecards,
  diffScorecards,
  type LiveDiffMessage,
  type LiveScorecardMessage,
  type Scorecard,
} from '@live-scores/schema';

/** API Gateway's WebSocket frame limit is 128 KB; keep a margin for framing. */
export const MAX_LIVE_MESSAGE_BYTES = 127 * 1024;

/** API Gateway meters WebSocket messages in 32 KB units: a diff is only worth sending inside one. */
export const API_GATEWAY_BILLING_UNIT_BYTES = 32 * 1024;

export interface LiveMessageOptions {
  maxBytes?: number;
  fetchUrl: (scorecard: Scorecard) => string;
  /**
   * The scorecard the pages were last sent for this match. When given (and older), the
   * message is a `{ type: "diff" }` from it, if that is smaller than the full scorecard and
   * fits one 32 KB unit; pages without that base ask for a sync.
   */
  previous?: Scorecard;
}

/** The `{ type: "diff" }` message from `previous` to `scorecard`, or undefined when there is nothing to diff. */
function diffMessageFor(previous: Scorecard, scorecard: Scorecard): string | undefined {
  if (previous.matchId !== scorecard.matchId || compareScorecards(scorecard, previous) <= 0) return undefined;
  const changes = diffScorecards(previous, scorecard);
  if (changes.length === 0) return undefined;
  const diff: LiveDiffMessage = {
    type: 'diff',
    matchId: scorecard.matchId,
    teamId: scorecard.teamId,
    base: { capturedAt: previous.capturedAt, seq: previous.seq },
    capturedAt: scorecard.capturedAt,
    seq: scorecard.seq,
    changes,
  };
  return JSON.stringify(diff);
}

/**
 * The live frame for a scorecard, serialized: a diff from `previous` when that is smaller,
 * otherwise `{ type: "scorecard" }`. A scorecard too large for one frame loses its largest
 * parts (the batting and bowling tables; totals, result and fall of wickets stay) and carries
 * `fetch` so the page loads the full card over HTTP.
 */
export function liveMessageFor(scorecard: Scorecard, options: LiveMessageOptions): string {
  const maxBytes = options.maxBytes ?? MAX_LIVE_MESSAGE_BYTES;
  const full: LiveScorecardMessage = { type: 'scorecard', scorecard };
  const serialized = JSON.stringify(full);
  const fullBytes = Buffer.byteLength(serialized);
  const diff = options.previous && diffMessageFor(options.previous, scorecard);
  if (diff) {
    const diffBytes = Buffer.byteLength(diff);
    if (diffBytes < fullBytes && diffBytes <= API_GATEWAY_BILLING_UNIT_BYTES) return diff;
  }
  if (fullBytes <= maxBytes) return serialized;

  const slim: LiveScorecardMessage = {
    type: 'scorecard',
    scorecard: { ...scorecard, innings: scorecard.innings.map((i) => ({ ...i, batting: [], bowling: [] })) },
    fetch: options.fetchUrl(scorecard),
  };
  const slimSerialized = JSON.stringify(slim);
  if (Buffer.byteLength(slimSerialized) <= maxBytes) return slimSerialized;
  return JSON.stringify({ ...slim, scorecard: { ...scorecard, innings: [] } } satisfies LiveScorecardMessage);
}

/** Where the page fetches a full scorecard, on both runtimes (`GET /api/scorecards/:teamId`). */
export const defaultScorecardUrl = (scorecard: Scorecard): string => `/api/scorecards/${scorecard.teamId}`;
