import type { HttpResponse } from './subscriptions-handler.ts';

/** A JSON answer; API answers are not cached unless the caller says how long they may be. */
export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string>,
  cacheControl = 'no-store',
): HttpResponse {
  return {
    status,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': cacheControl },
    body: JSON.stringify(value),
  };
}
