import type { IncomingMessage } from 'node:http';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Whether an address is this machine's loopback (IPv4, IPv6 or IPv4-mapped). */
export const isLoopback = (address: string): boolean => LOOPBACK.test(address);

/**
 * The client's address, as far as it can be known. With no proxy in front (`trustProxy` 0)
 * it is the connection's peer and `X-Forwarded-For` is ignored: anyone can write that header.
 * With `trustProxy` N proxies of ours in front, each appended the address it saw, so the
 * client is the N-th hop from the right: the right-most one that no proxy of ours wrote.
 */
export function clientAddress(request: IncomingMessage, trustProxy: number): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return peer;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const hops = [...forwarded, peer];
  return hops[Math.max(0, hops.length - 1 - trustProxy)]!;
}
