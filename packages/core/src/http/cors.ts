/**
 * CORS headers for a request: only the configured page origins are echoed back, so another
 * site's script cannot drive a supporter's browser against the API.
 */
export function corsHeaders(
  origin: string | undefined,
  pageOrigins: readonly string[],
): Record<string, string> {
  if (!origin || !pageOrigins.some((allowed) => new URL(allowed).origin === origin))
    return { vary: 'Origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}
