import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  corsHeaders,
  createRouter,
  matchDay,
  overHistoryRoutes,
  pageSecurityHeaders,
  reportRoutes,
  scorecardRoutes,
  subscriptionRoutes,
  syncConnection,
  type Clock,
  type CurrentScorecards,
  type HttpRequest,
  type HttpResponse,
  type Logger,
  type OverHistoryStore,
  type PageConfigJson,
  type ReportStore,
  type ScorecardStore,
} from '@live-scores/core';
import type { WsConnections } from '@live-scores/local';
import type { LiveSocketLimits } from '@live-scores/schema';
import { clientAddress, isLoopback } from './client-address.ts';
import { createLiveSocketServer, LIVE_PATH, refuseUpgrade } from './live-socket.ts';
import { readStaticFile } from './static-files.ts';

export interface HttpServerOptions {
  host: string;
  port: number;
  webRoot: string;
  pageConfig: PageConfigJson;
  pageOrigins: readonly string[];
  /** Reverse proxies in front of this server whose `X-Forwarded-For` is believed (`server.trustProxy`). */
  trustProxy: number;
  live: LiveSocketLimits;
  /**
   * `/healthz` details (pids, queues, dead letters) are for the operator: shown to loopback
   * callers, or to a caller with `Authorization: Bearer <token>` when a token is set.
   */
  healthToken?: string;
  timeZone: string;
  clock: Clock;
  store: ScorecardStore;
  /** `/api/matches/:matchId/report` (core's framework-free handler, as on AWS). */
  reports: ReportStore;
  /** `/api/matches/:matchId/overs` (core's route, as on AWS). */
  overs: OverHistoryStore;
  currentScorecards: CurrentScorecards;
  connections: WsConnections;
  /** `/api/subscriptions` and `/api/vapid-public-key` (core's framework-free handler). */
  subscriptionsApi: (request: HttpRequest) => Promise<HttpResponse>;
  /** The details, and whether the system is healthy (`degraded` when not). */
  health: () => Promise<{ healthy: boolean; details: Record<string, unknown> }>;
  logger: Logger;
}

export interface RunningHttpServer {
  /** e.g. "http://127.0.0.1:8080". */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024;
const LISTEN_BACKLOG = 4096;

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(value));
}

/** A path whose percent escapes decode; `undefined` for one that does not (`/%E0%A4%A`). */
function decodablePath(path: string): string | undefined {
  try {
    decodeURIComponent(path);
    return path;
  } catch {
    return undefined;
  }
}

function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The local server of design.md: the supporters' page, `/config.json`, `/healthz`, the
 * scorecards and subscriptions APIs, and the live WebSocket on `/live`, which sends the
 * current scorecards on connect and answers `{ "action": "sync" }`.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { logger } = options;
  const today = (): string => matchDay(options.clock.now(), options.timeZone);
  /** The page's API, the same route table the Lambda functions serve. */
  const api = createRouter(
    [
      ...scorecardRoutes({ store: options.store, today, pageOrigins: options.pageOrigins }),
      ...subscriptionRoutes(options.subscriptionsApi),
      ...reportRoutes({ reports: options.reports, pageOrigins: options.pageOrigins }),
      ...overHistoryRoutes({ overs: options.overs, pageOrigins: options.pageOrigins }),
    ],
    { pageOrigins: options.pageOrigins },
  );

  const clientOf = (request: IncomingMessage): string => clientAddress(request, options.trustProxy);
  const securityHeaders = pageSecurityHeaders(options.pageOrigins);

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://local.invalid');
    const method = (request.method ?? 'GET').toUpperCase();
    const path = decodablePath(url.pathname);
    const cors = corsHeaders(request.headers.origin, options.pageOrigins);
    if (path === undefined) {
      sendJson(response, 400, { error: 'malformed percent escape in the path' }, cors);
      return;
    }

    const apiRoute = api.find(method, path);
    if (apiRoute) {
      const hasBody = method === 'POST' || method === 'PUT' || method === 'DELETE';
      const answer = await apiRoute({
        method,
        path,
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
        ),
        body: hasBody ? await readBody(request) : undefined,
        clientIp: clientOf(request),
      });
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      return;
    }
    if (method === 'OPTIONS' && path.startsWith('/api/')) {
      response.writeHead(204, cors);
      response.end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(response, 405, { error: 'method not allowed' }, { allow: 'GET, HEAD' });
      return;
    }

    if (path === '/healthz') {
      const { healthy, details } = await options.health();
      const status = healthy ? 'ok' : 'degraded';
      const operator =
        isLoopback(clientOf(request)) || bearerMatches(request.headers.authorization, options.healthToken);
      sendJson(response, 200, operator ? { status, connections: live.size, ...details } : { status });
      return;
    }
    if (path === '/config.json') {
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-cache',
      });
      response.end(method === 'HEAD' ? undefined : JSON.stringify(options.pageConfig));
      return;
    }
    const file = await readStaticFile(options.webRoot, path);
    if (!file) {
      sendJson(response, 404, { error: 'not found' });
      return;
    }
    response.writeHead(200, {
      ...securityHeaders,
      ...file.headers,
      'content-length': String(file.body.length),
    });
    response.end(method === 'HEAD' ? undefined : file.body);
  }

  const server: Server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) return sendJson(response, 413, { error: 'request body too large' });
      logger.error('http request failed', { path: request.url, error });
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  });

  // A malformed request line or header never reaches `route`: answer it and drop the socket.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) socket.destroy();
    else socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  const live = createLiveSocketServer({
    limits: options.live,
    connections: options.connections,
    clientAddress: clientOf,
    logger,
    sync: (connectionId) =>
      syncConnection(
        {
          scorecards: options.currentScorecards,
          sender: options.connections.sender,
          connections: options.connections.store,
        },
        connectionId,
      ),
  });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://local.invalid').pathname;
    if (path !== LIVE_PATH) {
      socket.on('error', () => socket.destroy());
      refuseUpgrade(socket, '404 Not Found');
      return;
    }
    live.handleUpgrade(request, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A crowd reconnecting after a blip arrives at once: queue them rather than reset them.
    server.listen({ port: options.port, host: options.host, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    async close() {
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
