import { DEFAULT_PUSH_HOSTS } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { parseAllowedHosts, resolveAllowedHosts } from './allowed-hosts.ts';
import { checkPushEndpoint } from './check-endpoint.ts';

const defaults = parseAllowedHosts(DEFAULT_PUSH_HOSTS);
const withLocal = parseAllowedHosts([...DEFAULT_PUSH_HOSTS, '127.0.0.1:8123', 'push.example.org:8443']);

describe('the push endpoint check', () => {
  it.each([
    'https://fcm.googleapis.com/fcm/send/abc:def',
    'https://updates.push.services.mozilla.com/wpush/v2/gAAAA',
    'https://wns2-db5p.notify.windows.com/w/?token=BQYAAA',
    'https://web.push.apple.com/QGx',
  ])('accepts the public push service endpoint %s', (endpoint) => {
    expect(checkPushEndpoint(endpoint, defaults).ok).toBe(true);
  });

  it.each([
    ['not a url', 'endpoint: not a URL'],
    ['http://fcm.googleapis.com/fcm/send/x', 'endpoint: must be an https URL'],
    ['ftp://fcm.googleapis.com/x', 'endpoint: must be an https URL'],
    ['https://evil.example.com/push', 'endpoint: evil.example.com is not a known push service'],
    [
      'https://fcm.googleapis.com.evil.example/x',
      'endpoint: fcm.googleapis.com.evil.example is not a known push service',
    ],
    ['https://notify.windows.com/x', 'endpoint: notify.windows.com is not a known push service'],
    ['https://user:pw@fcm.googleapis.com/x', 'endpoint: credentials are not allowed in the URL'],
    ['https://fcm.googleapis.com:8443/x', 'endpoint: port 8443 is not allowed'],
    ['https://169.254.169.254/latest/meta-data', 'endpoint: IP addresses are not allowed'],
    ['https://0x7f.1/push', 'endpoint: IP addresses are not allowed'],
    ['https://[::1]/push', 'endpoint: IP addresses are not allowed'],
    ['https://localhost/push', 'endpoint: localhost is not a known push service'],
  ])('refuses %s: %s', (endpoint, reason) => {
    expect(checkPushEndpoint(endpoint, defaults)).toEqual({ ok: false, reason });
  });

  it('allows an IP literal and port only when that exact host:port is listed', () => {
    expect(checkPushEndpoint('https://127.0.0.1:8123/push/1', withLocal).ok).toBe(true);
    expect(checkPushEndpoint('https://127.0.0.1:8124/push/1', withLocal)).toEqual({
      ok: false,
      reason: 'endpoint: IP addresses are not allowed',
    });
    expect(checkPushEndpoint('https://push.example.org:8443/p', withLocal).ok).toBe(true);
    expect(checkPushEndpoint('https://push.example.org/p', withLocal).ok).toBe(false);
  });

  it('allows plain http only to a loopback entry named explicitly', () => {
    expect(checkPushEndpoint('http://127.0.0.1:8123/push/1', withLocal).ok).toBe(true);
    expect(checkPushEndpoint('http://push.example.org:8443/p', withLocal)).toEqual({
      ok: false,
      reason: 'endpoint: must be an https URL',
    });
  });

  it('takes PUSH_ALLOWED_HOSTS over the configured list, and refuses a malformed entry', () => {
    const hosts = resolveAllowedHosts(DEFAULT_PUSH_HOSTS, ' 127.0.0.1:9000 , push.test ');
    expect(hosts).toEqual([
      { host: '127.0.0.1', wildcard: false, port: 9000 },
      { host: 'push.test', wildcard: false },
    ]);
    expect(resolveAllowedHosts(DEFAULT_PUSH_HOSTS, '')).toHaveLength(4);
    expect(() => parseAllowedHosts(['https://x.test/'])).toThrow(
      'push allow-list: "https://x.test/" is not a host or host:port',
    );
  });
});
