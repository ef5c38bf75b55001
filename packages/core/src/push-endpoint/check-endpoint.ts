import type { AllowedHost } from './allowed-hosts.ts';

export type EndpointCheck = { ok: true; url: URL } | { ok: false; reason: string };

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

function isIpLiteral(hostname: string): boolean {
  return IPV4.test(hostname) || hostname.startsWith('[');
}

function bare(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'http:' ? 80 : 443;
}

function entryMatches(entry: AllowedHost, hostname: string, port: number, ipLiteral: boolean): boolean {
  if ((entry.port ?? 443) !== port) return false;
  if (entry.wildcard) return !ipLiteral && hostname.endsWith(`.${entry.host}`);
  return entry.host === hostname;
}

/**
 * Whether the server may POST to this push endpoint. The endpoint comes from a browser, so
 * this is the line against server-side request forgery: https only, a host on the
 * allow-list, no credentials, no IP literal or unusual port unless that exact host:port
 * is listed, and plain http only to a loopback entry named explicitly.
 */
export function checkPushEndpoint(endpoint: string, allowed: readonly AllowedHost[]): EndpointCheck {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, reason: 'endpoint: not a URL' };
  }
  if (url.username || url.password)
    return { ok: false, reason: 'endpoint: credentials are not allowed in the URL' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'endpoint: must be an https URL' };
  }
  if (url.hash) return { ok: false, reason: 'endpoint: a fragment is not allowed' };

  const ipLiteral = isIpLiteral(url.hostname);
  const hostname = bare(url.hostname);
  const port = effectivePort(url);
  const entry = allowed.find((e) => entryMatches(e, hostname, port, ipLiteral));

  if (!entry) {
    if (url.protocol === 'http:') return { ok: false, reason: 'endpoint: must be an https URL' };
    if (ipLiteral) return { ok: false, reason: 'endpoint: IP addresses are not allowed' };
    if (port !== 443) return { ok: false, reason: `endpoint: port ${port} is not allowed` };
    return { ok: false, reason: `endpoint: ${hostname} is not a known push service` };
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(entry.host)) {
    return { ok: false, reason: 'endpoint: must be an https URL' };
  }
  return { ok: true, url };
}
