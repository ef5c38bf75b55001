import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, isLoopback } from './client-address.ts';

const request = (peer: string, forwardedFor?: string): IncomingMessage =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('the client address', () => {
  it('is the peer, and X-Forwarded-For is ignored, with no trusted proxy (even from loopback)', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), 0)).toBe('203.0.113.9');
    expect(clientAddress(request('127.0.0.1', '198.51.100.1'), 0)).toBe('127.0.0.1');
  });

  it("is the right-most hop our proxies did not write, so a client's own X-Forwarded-For cannot choose it", () => {
    // The client claims to be 10.0.0.1; our one proxy appends the address it really saw.
    expect(clientAddress(request('127.0.0.1', '10.0.0.1, 198.51.100.7'), 1)).toBe('198.51.100.7');
    // Two proxies (a CDN, then nginx): the CDN's view of the client is two from the right.
    expect(clientAddress(request('127.0.0.1', '10.0.0.1, 198.51.100.7, 192.0.2.4'), 2)).toBe('198.51.100.7');
  });

  it('falls back to the left-most hop when there are fewer hops than trusted proxies', () => {
    expect(clientAddress(request('127.0.0.1'), 1)).toBe('127.0.0.1');
    expect(clientAddress(request('127.0.0.1', '198.51.100.7'), 3)).toBe('198.51.100.7');
  });

  it('knows loopback in all its spellings', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      expect(isLoopback(address)).toBe(true);
    for (const address of ['10.0.0.1', '::ffff:10.0.0.1', '128.0.0.1', 'unknown'])
      expect(isLoopback(address)).toBe(false);
  });
});
