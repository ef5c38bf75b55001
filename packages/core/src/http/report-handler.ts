import { MatchId } from '@live-scores/schema';
import type { ReportStore } from '../ports/report-store.ts';
import { corsHeaders } from './cors.ts';
import type { HttpRequest, HttpResponse } from './subscriptions-handler.ts';

/** `/api/matches/:matchId/report`: the one route both runtimes serve reports on. */
export const MATCH_REPORT_ROUTE = /^\/api\/matches\/([^/]+)\/report$/;

/** A report never changes once written; a missing one may appear any minute. */
const FOUND_CACHE = 'public, max-age=300';
const MISSING_CACHE = 'no-store';

/**
 * Answers `GET /api/matches/:matchId/report` with the stored report, 404 until there is one,
 * 400 for a malformed match id. Framework-free, so the local server and the Lambda share it.
 */
export async function reportResponse(
  request: Pick<HttpRequest, 'method' | 'path' | 'headers'>,
  deps: { reports: ReportStore; pageOrigins: readonly string[] },
): Promise<HttpResponse> {
  const cors = corsHeaders(request.headers.origin, deps.pageOrigins);
  const json = (status: number, value: unknown, cache: string): HttpResponse => ({
    status,
    headers: { ...cors, 'content-type': 'application/json; charset=utf-8', 'cache-control': cache },
    body: request.method === 'HEAD' ? '' : JSON.stringify(value),
  });
  const route = MATCH_REPORT_ROUTE.exec(request.path);
  if (!route) return json(404, { error: 'not found' }, MISSING_CACHE);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const refused = json(405, { error: 'method not allowed' }, MISSING_CACHE);
    return { ...refused, headers: { ...refused.headers, allow: 'GET, HEAD' } };
  }
  const matchId = MatchId.safeParse(decodeURIComponent(route[1]!));
  if (!matchId.success) return json(400, { error: `"${route[1]}" is not a match id` }, MISSING_CACHE);
  const report = await deps.reports.get(matchId.data);
  if (!report) return json(404, { error: `no report yet for match ${matchId.data}` }, MISSING_CACHE);
  return json(200, report, FOUND_CACHE);
}
