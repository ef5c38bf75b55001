import {
  jsonResponse,
  lazyRetrying,
  type HttpRequest,
  type HttpResponse,
  type Router,
} from '@live-scores/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** An HTTP API (payload v2) event as the framework-free request both runtimes' routes take. */
export function httpRequestOf(event: APIGatewayProxyEventV2): HttpRequest {
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    headers: Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    body:
      event.body === undefined
        ? undefined
        : event.isBase64Encoded
          ? Buffer.from(event.body, 'base64').toString('utf8')
          : event.body,
    clientIp: event.requestContext.http.sourceIp,
  };
}

export function httpApiResult(response: HttpResponse): APIGatewayProxyStructuredResultV2 {
  return { statusCode: response.status, headers: response.headers, body: response.body };
}

/**
 * A Lambda handler serving the page's routes: the router is built once per execution
 * environment (a failed build is retried on the next event), each event is answered by the
 * route for its path, and a path no route has gets the local server's 404.
 */
export function httpApiHandler(
  build: () => Router | Promise<Router>,
): (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2> {
  const router = lazyRetrying(build);
  return async (event) => {
    const request = httpRequestOf(event);
    const route = (await router()).find(request.method, request.path);
    return httpApiResult(route ? await route(request) : jsonResponse(404, { error: 'not found' }, {}));
  };
}
