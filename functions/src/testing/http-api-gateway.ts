import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { FUNCTIONS } from '../manifest.ts';

export type HttpApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export interface GatewayRequest {
  method: string;
  /** As the client sent it, percent escapes and all. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  sourceIp?: string;
}

/** `GET /api/scorecards/{teamId}` against a path: the path parameters, or undefined. */
function matchRouteKey(routeKey: string, method: string, path: string): Record<string, string> | undefined {
  const [routeMethod, routePath = ''] = routeKey.split(' ');
  if (routeMethod !== method && routeMethod !== 'ANY') return undefined;
  const pattern = routePath.split('/');
  const segments = path.split('/');
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name) params[name] = segments[i]!;
    else if (part !== segments[i]) return undefined;
  }
  return params;
}

/** A payload v2 event as the HTTP API's `$default` stage delivers it. */
export function httpApiEvent(
  request: GatewayRequest,
  routeKey: string,
  pathParameters: Record<string, string>,
): APIGatewayProxyEventV2 {
  const now = new Date();
  const [rawPath, rawQueryString = ''] = request.path.split('?');
  return {
    version: '2.0',
    routeKey,
    rawPath: rawPath!,
    rawQueryString,
    headers: { host: 'abc123.execute-api.eu-west-2.amazonaws.com', ...request.headers },
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-2.amazonaws.com',
      domainPrefix: 'abc123',
      http: {
        method: request.method,
        path: rawPath!,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp ?? '203.0.113.7',
        userAgent: request.headers?.['user-agent'] ?? 'contract-test',
      },
      requestId: `req-${now.getTime()}`,
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
    ...(request.body === undefined ? {} : { body: request.body }),
  };
}

/**
 * The HTTP API as the stack builds it, in memory: each manifest route key sends its requests
 * to that function's handler as a payload v2 event; a request no route key matches gets API
 * Gateway's own 404.
 */
export function createHttpApiGateway(
  handlers: Record<string, HttpApiHandler>,
): (request: GatewayRequest) => Promise<APIGatewayProxyStructuredResultV2> {
  const routes = FUNCTIONS.flatMap((spec) =>
    spec.trigger.kind === 'http'
      ? spec.trigger.routes.map((routeKey) => ({ routeKey, name: spec.name }))
      : [],
  );
  for (const { name } of routes)
    if (!handlers[name]) throw new Error(`no handler given for the http function ${name}`);
  return async (request) => {
    const path = request.path.split('?')[0]!;
    for (const { routeKey, name } of routes) {
      const params = matchRouteKey(routeKey, request.method, path);
      if (params) return handlers[name]!(httpApiEvent(request, routeKey, params));
    }
    return {
      statusCode: 404,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Not Found' }),
    };
  };
}
