import type { IncomingHttpHeaders } from 'node:http';
import { Agent } from 'undici';

export interface PooledHttpClientOptions {
  /** Open connections per push-service origin. */
  maxSockets?: number;
  timeoutMs?: number;
  /** Extra trusted CA certificates (PEM); `NODE_EXTRA_CA_CERTS` is honoured as well. */
  ca?: string | Buffer;
}

export interface PostResult {
  status: number;
  headers: IncomingHttpHeaders;
}

export interface PooledHttpClient {
  post(url: URL, headers: Record<string, string | number>, body: Buffer | null): Promise<PostResult>;
  close(): void;
}

/**
 * Keep-alive HTTP(S) POSTs through undici: one TLS handshake per connection and a bounded
 * number of connections per push-service origin, instead of a new connection per message.
 * undici's client costs the main thread about 40 % less per request than `node:https`,
 * which is what bounds a broadcast once encryption is on worker threads. Speaks plain http
 * only because the endpoint check lets http through for explicitly listed loopback receivers.
 */
export function createPooledHttpClient(options: PooledHttpClientOptions = {}): PooledHttpClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({
    connections: options.maxSockets ?? 64,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: timeoutMs, ...(options.ca ? { ca: options.ca } : {}) },
  });

  return {
    async post(url, headers, body) {
      const response = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])),
        body,
      });
      // The answer's body (a reason phrase at most) is only read to free the connection; the status
      // has already arrived, so a body cut short does not change the outcome.
      await response.body.dump().catch(() => undefined);
      return { status: response.statusCode, headers: response.headers as IncomingHttpHeaders };
    },
    close() {
      void agent.destroy().catch(() => undefined);
    },
  };
}
