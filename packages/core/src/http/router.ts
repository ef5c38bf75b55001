import { corsHeaders } from './cors.ts';
import { jsonResponse } from './json-response.ts';
import type { HttpRequest, HttpResponse } from './subscriptions-handler.ts';

/** A request matched to a route, with its `:name` path parameters decoded. */
export interface RouteRequest extends HttpRequest {
  params: Record<string, string>;
}

export interface Route {
  /** `GET` (which also answers HEAD), or `*` for a handler that tells methods apart itself. */
  method: 'GET' | '*';
  /** Literal segments and `:name` parameters, e.g. `/api/scorecards/:teamId`. */
  path: string;
  handle(request: RouteRequest): Promise<HttpResponse>;
}

/** What a runtime calls: the handler for a request's route, or undefined when no route has its path. */
export interface Router {
  find(method: string, path: string): ((request: HttpRequest) => Promise<HttpResponse>) | undefined;
}

/** `/api/scorecards/:teamId` → the segments, or the parameters of a matching path. */
function matchPath(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

function decodeParams(params: Record<string, string>): Record<string, string> | undefined {
  try {
    return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, decodeURIComponent(v)]));
  } catch {
    return undefined;
  }
}

/**
 * The page's API routes, as both runtimes serve them: the local HTTP server asks it for every
 * request after its own checks, and each Lambda behind the HTTP API answers its events with
 * it. A path it knows with a method it does not gets 405 (OPTIONS: 204 with CORS, which API
 * Gateway answers itself on AWS); a trailing slash is ignored.
 */
export function createRouter(routes: readonly Route[], options: { pageOrigins: readonly string[] }): Router {
  const compiled = routes.map((route) => ({ route, pattern: route.path.split('/') }));
  return {
    find(method, path) {
      const segments = (path.replace(/\/+$/, '') || '/').split('/');
      const candidates = compiled.flatMap(({ route, pattern }) => {
        const params = matchPath(pattern, segments);
        return params ? [{ route, params }] : [];
      });
      if (candidates.length === 0) return undefined;
      const verb = method.toUpperCase();
      const chosen = candidates.find(
        ({ route }) =>
          route.method === '*' || route.method === verb || (verb === 'HEAD' && route.method === 'GET'),
      );
      return async (request) => {
        const cors = corsHeaders(request.headers.origin, options.pageOrigins);
        if (!chosen) {
          if (verb === 'OPTIONS') return { status: 204, headers: cors, body: '' };
          return jsonResponse(405, { error: 'method not allowed' }, { ...cors, allow: 'GET, HEAD' });
        }
        const params = decodeParams(chosen.params);
        if (!params) return jsonResponse(400, { error: 'malformed percent escape in the path' }, cors);
        return chosen.route.handle({ ...request, params });
      };
    },
  };
}

/** `/api/scorecards/:teamId` → `GET /api/scorecards/{teamId}`: the same route as an HTTP API route key. */
export function httpApiRouteKey(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string): string {
  return `${method} ${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
}
