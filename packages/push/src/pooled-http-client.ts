import http from 'node:http';
import https from 'node:https';

export interface PooledHttpClientOptions {
  /** Open connections per push-service origin. */
  maxSockets?: number;
  timeoutMs?: number;
  /** Extra trusted CA certificates (PEM); `NODE_EXTRA_CA_CERTS` is honoured as well. */
  ca?: string | Buffer;
}

export interface PostResult {
  status: number;
  headers: http.IncomingHttpHeaders;
}

export interface PooledHttpClient {
  post(url: URL, headers: Record<string, string | number>, body: Buffer | null): Promise<PostResult>;
  close(): void;
}

/**
 * Keep-alive HTTP(S) POSTs: one TLS handshake per socket, a bounded number of sockets per
 * origin, instead of a new connection per message. Speaks plain http only because the
 * endpoint check lets http through for explicitly listed loopback receivers.
 */
export function createPooledHttpClient(options: PooledHttpClientOptions = {}): PooledHttpClient {
  const maxSockets = options.maxSockets ?? 64;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets, scheduling: 'lifo' }),
    'https:': new https.Agent({
      keepAlive: true,
      maxSockets,
      scheduling: 'lifo',
      ...(options.ca ? { ca: options.ca } : {}),
    }),
  };

  return {
    post(url, headers, body) {
      const transport = url.protocol === 'http:' ? http : https;
      const agent = url.protocol === 'http:' ? agents['http:'] : agents['https:'];
      return new Promise((resolve, reject) => {
        const request = transport.request(
          url,
          { method: 'POST', headers, agent, timeout: timeoutMs },
          (response) => {
            response.resume();
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, headers: response.headers }),
            );
            response.on('error', reject);
          },
        );
        request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        request.on('error', reject);
        request.end(body ?? undefined);
      });
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
