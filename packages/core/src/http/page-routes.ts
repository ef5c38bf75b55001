import { MatchId, type MatchDay, TeamId } from '@live-scores/schema';
import type { OverHistoryStore } from '../ports/over-history-store.ts';
import { SCORECARD_CACHE_CONTROL, teamScorecardKey, type ScorecardStore } from '../ports/scorecard-store.ts';
import { corsHeaders } from './cors.ts';
import { jsonResponse } from './json-response.ts';
import { reportResponse } from './report-handler.ts';
import type { Route } from './router.ts';
import type { ReportStore } from '../ports/report-store.ts';
import {
  SUBSCRIPTIONS_PATH,
  VAPID_KEY_PATH,
  type HttpRequest,
  type HttpResponse,
} from './subscriptions-handler.ts';

export const SCORECARDS_PATH = '/api/scorecards';
export const TEAM_SCORECARD_PATH = '/api/scorecards/:teamId';

export interface ScorecardRoutesDeps {
  store: ScorecardStore;
  /** The match day in the club's time zone, now. */
  today: () => MatchDay;
  pageOrigins: readonly string[];
}

/**
 * `GET /api/scorecards` (today's scorecards, one per team) and `GET /api/scorecards/:teamId`
 * (one team's, or 404 with the reason): what the page loads on open and when a live message
 * was too large to carry the scorecard. Cacheable for a few seconds, like the stored objects.
 */
export function scorecardRoutes(deps: ScorecardRoutesDeps): Route[] {
  const answer = (request: HttpRequest, status: number, value: unknown): HttpResponse =>
    jsonResponse(
      status,
      value,
      corsHeaders(request.headers.origin, deps.pageOrigins),
      SCORECARD_CACHE_CONTROL,
    );
  return [
    {
      method: 'GET',
      path: SCORECARDS_PATH,
      handle: async (request) => answer(request, 200, await deps.store.listDay(deps.today())),
    },
    {
      method: 'GET',
      path: TEAM_SCORECARD_PATH,
      handle: async (request) => {
        const requested = request.params.teamId ?? '';
        const teamId = TeamId.safeParse(requested);
        const scorecard = teamId.success
          ? await deps.store.get(teamScorecardKey(deps.today(), teamId.data))
          : undefined;
        return scorecard
          ? answer(request, 200, scorecard)
          : answer(request, 404, { error: `no scorecard today for team "${requested}"` });
      },
    },
  ];
}

/** `/api/subscriptions` and `/api/vapid-public-key`: core's subscriptions handler tells the methods apart. */
export function subscriptionRoutes(handle: (request: HttpRequest) => Promise<HttpResponse>): Route[] {
  return [
    { method: '*', path: SUBSCRIPTIONS_PATH, handle },
    { method: '*', path: VAPID_KEY_PATH, handle },
  ];
}

export const MATCH_REPORT_PATH = '/api/matches/:matchId/report';

/** `GET /api/matches/:matchId/report`: the stored match report, 404 until there is one. */
export function reportRoutes(deps: { reports: ReportStore; pageOrigins: readonly string[] }): Route[] {
  return [{ method: '*', path: MATCH_REPORT_PATH, handle: (request) => reportResponse(request, deps) }];
}

export const MATCH_OVERS_PATH = '/api/matches/:matchId/overs';

/**
 * `GET /api/matches/:matchId/overs`: the match's over history (what the live socket sends as
 * `{ type: "overs" }`), 404 with the reason until it has one. It moves on every ball, so it
 * is cacheable for as long as a scorecard.
 */
export function overHistoryRoutes(deps: {
  overs: OverHistoryStore;
  pageOrigins: readonly string[];
}): Route[] {
  return [
    {
      method: 'GET',
      path: MATCH_OVERS_PATH,
      handle: async (request) => {
        const answer = (status: number, value: unknown): HttpResponse =>
          jsonResponse(
            status,
            value,
            corsHeaders(request.headers.origin, deps.pageOrigins),
            SCORECARD_CACHE_CONTROL,
          );
        const requested = request.params.matchId ?? '';
        const matchId = MatchId.safeParse(requested);
        if (!matchId.success) return answer(400, { error: `"${requested}" is not a match id` });
        const stored = await deps.overs.load(matchId.data);
        return stored
          ? answer(200, stored.history)
          : answer(404, { error: `no over history yet for match ${matchId.data}` });
      },
    },
  ];
}
