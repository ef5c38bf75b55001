import { isIP } from 'node:net';
import type { Logger } from '@live-scores/core';
import { DEFAULT_SCRAPER_HOSTS } from '@live-scores/schema';
import type { HTTPRequest, Page } from 'puppeteer-core';

/** What a watched page may load. */
export interface RequestPolicy {
  /** The league site's origin (scheme, host, port): the page itself and everything it serves. */
  siteOrigin: string;
  /** Other hosts the live scorecard needs: "cdn.example.com" or "*.example.com". */
  allowedHosts: readonly string[];
  /** Load images, media and fonts too (only to measure what blocking them saves). */
  loadUnneeded?: boolean;
}

export type RequestVerdict = { allow: true } | { allow: false; reason: string };

/** Bytes a scorecard never needs: blocking them saves memory and bandwidth for every page. */
const UNNEEDED_TYPES = new Set(['image', 'media', 'font']);

const LOCAL_NAMES = /^(localhost|.*\.localhost|.*\.local|.*\.internal|instance-data|metadata)$/i;

/** An IPv4 address as 4 numbers, or undefined. */
function ipv4Parts(address: string): number[] | undefined {
  if (isIP(address) !== 4) return undefined;
  return address.split('.').map(Number);
}

/**
 * Loopback, private (RFC 1918, CGNAT), link-local (the cloud metadata service at
 * 169.254.169.254) and unspecified addresses, in IPv4, IPv6 and IPv4-mapped form.
 */
export function isNonPublicAddress(host: string): boolean {
  const address = host.replace(/^\[|\]$/g, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  const v4 = ipv4Parts(mapped ?? address);
  if (v4) {
    const [a, b] = v4 as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (isIP(address) === 6) {
    return (
      address === '::' ||
      address === '::1' ||
      /^f[cd]/.test(address) || // unique local
      /^fe[89ab]/.test(address) || // link-local
      address.startsWith('::ffff:') // mapped forms not caught above
    );
  }
  return false;
}

function hostAllowed(host: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((pattern) =>
    pattern.startsWith('*.')
      ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1
      : host === pattern,
  );
}

/**
 * Whether a watched page may make this request. The league site is always allowed (in the
 * demo it is on loopback); anything else must be an allowed public host, and never a
 * loopback, private or link-local address, whatever the list says: a script on a scraped
 * page must not reach the local runtime or the instance metadata service.
 */
export function requestVerdict(url: string, resourceType: string, policy: RequestPolicy): RequestVerdict {
  if (url.startsWith('data:') || url.startsWith('blob:')) return { allow: true };
  if (UNNEEDED_TYPES.has(resourceType) && !policy.loadUnneeded)
    return { allow: false, reason: `${resourceType} not needed` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allow: false, reason: 'not a URL' };
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol))
    return { allow: false, reason: `${parsed.protocol} not allowed` };
  const httpOrigin = parsed.origin.replace(/^ws/, 'http');
  if (httpOrigin === policy.siteOrigin) return { allow: true };
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (isNonPublicAddress(host) || LOCAL_NAMES.test(host))
    return { allow: false, reason: 'loopback, private or link-local address' };
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0)
    return { allow: false, reason: 'address literal not allowed' };
  return hostAllowed(host, policy.allowedHosts)
    ? { allow: true }
    : { allow: false, reason: 'host not on scraper.allowedHosts' };
}

/** The policy for a page at `url` with the configured hosts (or the defaults). */
export function requestPolicyFor(url: string, allowedHosts?: readonly string[]): RequestPolicy {
  return { siteOrigin: new URL(url).origin, allowedHosts: allowedHosts ?? DEFAULT_SCRAPER_HOSTS };
}

/**
 * Intercepts every request the page makes and lets through only what `requestVerdict`
 * allows. Each blocked host is logged once per page, so an operator can see what a
 * change to the league site needs, without a line per request.
 */
export async function guardPageRequests(
  page: Page,
  policy: RequestPolicy,
  logger: Logger,
  fields: Record<string, unknown> = {},
): Promise<void> {
  const reported = new Set<string>();
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const verdict = requestVerdict(request.url(), request.resourceType(), policy);
    if (verdict.allow) {
      request.continue().catch(() => undefined);
      return;
    }
    const host = URL.canParse(request.url()) ? new URL(request.url()).host : request.url().slice(0, 40);
    const key = `${host} ${verdict.reason}`;
    if (!reported.has(key) && !verdict.reason.endsWith('not needed')) {
      reported.add(key);
      logger.warn('page request blocked', { ...fields, host, reason: verdict.reason });
    }
    request.abort('blockedbyclient').catch(() => undefined);
  });
}
