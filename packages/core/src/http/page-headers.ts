/**
 * Headers for the supporters' page and its files. The page loads nothing from elsewhere, so
 * the policy is same-origin throughout; only the club's configured sites may frame it.
 */
export function pageContentSecurityPolicy(pageOrigins: readonly string[]): string {
  const framers = pageOrigins.map((origin) => new URL(origin).origin);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // 'self' covers the same-origin `/live` WebSocket (CSP Level 3).
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...framers].join(' ')}`,
  ].join('; ');
}

/** Referrer and feature policies: the page asks for no camera, microphone, location or payment. */
export const PAGE_REFERRER_POLICY = 'strict-origin-when-cross-origin';
export const PAGE_PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

/** Every header of the policy, as the local server sends them (CloudFront sends the same). */
export function pageSecurityHeaders(pageOrigins: readonly string[]): Record<string, string> {
  return {
    'content-security-policy': pageContentSecurityPolicy(pageOrigins),
    'referrer-policy': PAGE_REFERRER_POLICY,
    'permissions-policy': PAGE_PERMISSIONS_POLICY,
    'x-content-type-options': 'nosniff',
  };
}
