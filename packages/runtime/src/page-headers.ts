/**
 * Headers for the supporters' page and its files. The page loads nothing from elsewhere, so
 * the policy is same-origin throughout; only the club's configured sites may frame it.
 */
export function pageSecurityHeaders(pageOrigins: readonly string[]): Record<string, string> {
  const framers = pageOrigins.map((origin) => new URL(origin).origin);
  const policy = [
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
  return {
    'content-security-policy': policy,
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'x-content-type-options': 'nosniff',
  };
}
