import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import { createSubscriptionKeys, type ReceiverSubscription } from './subscription-keys.ts';
import { createSelfSignedCertificate, type TlsCertificate } from './self-signed.ts';
import { parseVapidAuthorization, verifyVapidJwt, type VapidClaims } from './vapid-jwt.ts';

/** How an endpoint answers: `status` for the next `times` requests (forever when absent), then 201. */
export interface EndpointMode {
  status: number;
  times?: number;
  /** Sent as `Retry-After` (seconds), for 429 and 503. */
  retryAfterSeconds?: number;
}

/** One accepted push, as the device would see it. */
export interface ReceivedPush {
  path: string;
  /**
   * The endpoint pushed to, query included: endpoints that differ only in their query share
   * the path's keys, so many subscriptions can be told apart without a key pair each.
   */
  endpoint: string;
  /** The decrypted payload, parsed as JSON (or the text when it is not JSON). */
  payload: unknown;
  ttl: number;
  urgency: string | undefined;
  topic: string | undefined;
  claims: VapidClaims;
}

export interface RefusedPush {
  path: string;
  status: number;
  reason: string;
}

export interface PushReceiverOptions {
  /** Serve https with a fresh self-signed certificate (or this one). */
  tls?: boolean | TlsCertificate;
  host?: string;
  port?: number;
  /** Skip decryption for throughput runs; VAPID and headers are still checked. */
  decrypt?: boolean;
}

export interface PushReceiver {
  /** e.g. "http://127.0.0.1:41234": also the `aud` every JWT must carry. */
  readonly origin: string;
  /** The certificate in https mode (trust it via `NODE_EXTRA_CA_CERTS` or an agent's `ca`). */
  readonly certificate: TlsCertificate | undefined;
  readonly received: ReceivedPush[];
  readonly refused: RefusedPush[];
  /** Every request answered, whatever the status. */
  readonly requests: number;
  /** TCP (or TLS) connections accepted so far: keep-alive keeps this low. */
  readonly connections: number;
  /** Distinct JWTs seen: a sender that reuses its token shows 1 per origin. */
  readonly distinctTokens: number;
  createSubscription(path?: string): ReceiverSubscription;
  setMode(path: string, mode: EndpointMode): void;
  /** Resolves once `count` pushes were accepted, or rejects after `timeoutMs`. */
  waitForReceived(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const MAX_BODY = 4096 + 103;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function parsePayload(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A loopback push service that behaves like FCM or Mozilla's autopush: it verifies the VAPID
 * JWT, requires `TTL`, records `Urgency` and `Topic`, and decrypts the aes128gcm payload with
 * `http_ece` (independent of the sender's web-push library), so a test reads exactly what a
 * phone would show. Endpoints can be told to answer 404, 410, 429, 500 or 503.
 */
export async function startPushReceiver(options: PushReceiverOptions = {}): Promise<PushReceiver> {
  const certificate = options.tls === true ? createSelfSignedCertificate() : options.tls || undefined;
  const decrypt = options.decrypt ?? true;
  const subscriptions = new Map<string, ReceiverSubscription>();
  const modes = new Map<string, EndpointMode>();
  const verifiedTokens = new Map<string, VapidClaims>();
  const received: ReceivedPush[] = [];
  const refused: RefusedPush[] = [];
  const waiters = new Set<() => void>();
  let requests = 0;
  let connections = 0;
  let origin = '';
  let nextId = 0;

  function answer(
    response: http.ServerResponse,
    path: string,
    status: number,
    reason: string,
    headers = {},
  ): void {
    if (status >= 300) refused.push({ path, status, reason });
    response.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(reason);
  }

  function modeFor(path: string): EndpointMode | undefined {
    const mode = modes.get(path);
    if (!mode) return undefined;
    if (mode.times !== undefined) {
      if (mode.times <= 1) modes.delete(path);
      else modes.set(path, { ...mode, times: mode.times - 1 });
    }
    return mode;
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    requests++;
    const path = new URL(request.url ?? '/', origin).pathname;
    const body = await readBody(request);
    if (request.method !== 'POST') return answer(response, path, 405, 'POST only');
    const subscription = subscriptions.get(path);
    if (!subscription) return answer(response, path, 404, 'no such subscription');
    if (!body) return answer(response, path, 413, 'payload too large');

    const mode = modeFor(path);
    if (mode) {
      const headers =
        mode.retryAfterSeconds !== undefined ? { 'retry-after': String(mode.retryAfterSeconds) } : {};
      return answer(response, path, mode.status, `mode ${mode.status}`, headers);
    }

    const ttl = single(request.headers.ttl);
    if (ttl === undefined || !/^\d+$/.test(ttl)) return answer(response, path, 400, 'TTL header required');
    const auth = parseVapidAuthorization(request.headers.authorization);
    if (!auth) return answer(response, path, 401, 'VAPID authorization required');
    let claims = verifiedTokens.get(auth.token);
    if (!claims || claims.exp <= Date.now() / 1000) {
      const check = verifyVapidJwt(auth.token, auth.key, origin, Math.floor(Date.now() / 1000));
      if (!check.ok) return answer(response, path, 403, check.reason);
      claims = check.claims;
      verifiedTokens.set(auth.token, claims);
    }

    let payload: unknown = undefined;
    if (body.length > 0) {
      if (request.headers['content-encoding'] !== 'aes128gcm')
        return answer(response, path, 415, 'aes128gcm required');
      if (decrypt) {
        try {
          payload = parsePayload(
            ece.decrypt(body, {
              version: 'aes128gcm',
              privateKey: subscription.privateKey,
              authSecret: subscription.keys.auth,
            }),
          );
        } catch (error) {
          return answer(response, path, 400, `cannot decrypt: ${(error as Error).message}`);
        }
      }
    }
    const topic = single(request.headers.topic);
    if (topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(topic))
      return answer(response, path, 400, 'bad Topic');

    received.push({
      path,
      endpoint: new URL(request.url ?? '/', origin).href,
      payload,
      ttl: Number(ttl),
      urgency: single(request.headers.urgency),
      topic,
      claims,
    });
    for (const wake of waiters) wake();
    response.writeHead(201, { location: `${origin}/messages/${++nextId}` }).end();
  }

  const listener = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    handle(request, response).catch((error: Error) =>
      answer(response, request.url ?? '', 500, error.message),
    );
  };
  const server = certificate
    ? https.createServer({ key: certificate.key, cert: certificate.cert }, listener)
    : http.createServer(listener);
  server.keepAliveTimeout = 30_000;
  server.on(certificate ? 'secureConnection' : 'connection', () => connections++);
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  origin = `${certificate ? 'https' : 'http'}://${address.address}:${address.port}`;

  return {
    origin,
    certificate,
    received,
    refused,
    get requests() {
      return requests;
    },
    get connections() {
      return connections;
    },
    get distinctTokens() {
      return verifiedTokens.size;
    },
    createSubscription(path = `/push/${subscriptions.size + 1}`) {
      const subscription = createSubscriptionKeys(`${origin}${path}`);
      subscriptions.set(path, subscription);
      return subscription;
    },
    setMode(path, mode) {
      modes.set(path, mode);
    },
    waitForReceived(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`received ${received.length} of ${count} pushes within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
