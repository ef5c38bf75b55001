import type { LiveScorecardMessage, Scorecard } from '@live-scores/schema';

/** API Gateway's WebSocket frame limit is 128 KB; keep a margin for framing. */
export const MAX_LIVE_MESSAGE_BYTES = 127 * 1024;

/**
 * The `{ type: "scorecard" }` frame for a scorecard, serialized. A scorecard too large for
 * one frame loses its largest parts (the batting and bowling tables; totals, result and
 * fall of wickets stay) and carries `fetch` so the page loads the full card over HTTP.
 */
export function liveMessageFor(
  scorecard: Scorecard,
  options: { maxBytes?: number; fetchUrl: (scorecard: Scorecard) => string },
): string {
  const maxBytes = options.maxBytes ?? MAX_LIVE_MESSAGE_BYTES;
  const full: LiveScorecardMessage = { type: 'scorecard', scorecard };
  const serialized = JSON.stringify(full);
  if (Buffer.byteLength(serialized) <= maxBytes) return serialized;

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
