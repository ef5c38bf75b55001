import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  corsHeaders,
  MATCH_REPORT_ROUTE,
  matchDay,
  reportResponse,
  syncConnection,
  teamScorecardKey,
  type Clock,
  type CurrentScorecards,
  type HttpRequest,
  type HttpResponse,
  type Logger,
  type ReportStore,
  type ScorecardStore,
} from '@live-scores/core';
import type { WsConnections } from '@live-scores/local';
import { LiveSyncRequest, TeamId } from '@live-scores/schema';
import { WebSocketServer, type WebSocket } from 'ws';
import type { PageConfigJson } from './page-config.ts';
import { readStaticFile } from './static-files.ts';

export interface HttpServerOptions {
  host: string;
  port: number;
  webRoot: string;
  pageConfig: PageConfigJson;
  pageOrigins: readonly string[];
  timeZone: string;
  clock: Clock;
  store: ScorecardStore;
  /** `/api/matches/:matchId/report` (core's framework-free handler, as on AWS). */
  reports: ReportStore;
  currentScorecards: CurrentScorecards;
  connections: WsConnections;
  /** `/api/subscriptions` and `/api/vapid-public-key` (core's framework-free handler). */
  subscriptionsApi: (request: HttpRequest) => Promise<HttpResponse>;
  health: () => Promise<Record<string, unknown>>;
  logger: Logger;
}

export interface RunningHttpServer {
  /** e.g. "http://127.0.0.1:8080". */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024;
const LIVE_PATH = '/live';
/** A socket that misses a ping for this long is dropped (a phone that went out of signal). */
const HEARTBEAT_MS = 30_000;

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

/**
 * The caller's address for rate limiting. Behind a reverse proxy on the same machine every
 * request comes from loopback, so only then is the proxy's `X-Forwarded-For` believed.
 */
function clientIp(request: IncomingMessage): string {
  const remote = request.socket.remoteAddress ?? 'unknown';
  const forwarded = request.headers['x-forwarded-for'];
  const loopback = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
  if (loopback && typeof forwarded === 'string' && forwarded.trim()) return forwarded.split(',')[0]!.trim();
  return remote;
}

/**
 * The local server of design.md: the supporters' page, `/config.json`, `/healthz`, the
 * scorecards and subscriptions APIs, and the live WebSocket on `/live`, which sends the
 * current scorecards on connect and answers `{ "action": "sync" }`.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { logger } = options;
  const today = (): string => matchDay(options.clock.now(), options.timeZone);

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://local.invalid');
    const method = (request.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const cors = corsHeaders(request.headers.origin, options.pageOrigins);

    if (path.startsWith('/api/subscriptions') || path === '/api/vapid-public-key') {
      const answer = await options.subscriptionsApi({
        method,
        path,
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
        ),
        body: method === 'GET' || method === 'OPTIONS' ? undefined : await readBody(request),
        clientIp: clientIp(request),
      });
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      return;
    }
    if (MATCH_REPORT_ROUTE.test(path) && method !== 'OPTIONS') {
      const answer = await reportResponse(
        { method, path, headers: { origin: request.headers.origin } },
        {
          reports: options.reports,
          pageOrigins: options.pageOrigins,
        },
      );
      response.writeHead(answer.status, answer.headers);
      response.end(method === 'HEAD' ? undefined : answer.body);
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
      sendJson(response, 200, {
        status: 'ok',
        connections: options.connections.size,
        ...(await options.health()),
      });
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
    if (path === '/api/scorecards') {
      sendJson(response, 200, await options.store.listDay(today()), cors);
      return;
    }
    const team = /^\/api\/scorecards\/([^/]+)$/.exec(path);
    if (team) {
      const teamId = TeamId.safeParse(decodeURIComponent(team[1]!));
      const scorecard = teamId.success
        ? await options.store.get(teamScorecardKey(today(), teamId.data))
        : undefined;
      if (scorecard) sendJson(response, 200, scorecard, cors);
      else sendJson(response, 404, { error: `no scorecard today for team "${team[1]}"` }, cors);
      return;
    }

    const file = await readStaticFile(options.webRoot, path);
    if (!file) {
      sendJson(response, 404, { error: 'not found' });
      return;
    }
    response.writeHead(200, { ...file.headers, 'content-length': String(file.body.length) });
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

  const live = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakMap<WebSocket, boolean>();
  const sync = (connectionId: string): Promise<number> =>
    syncConnection(
      {
        scorecards: options.currentScorecards,
        sender: options.connections.sender,
        connections: options.connections.store,
      },
      connectionId,
    );

  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://local.invalid').pathname !== LIVE_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    live.handleUpgrade(request, socket, head, (ws) => {
      const connectionId = options.connections.attach(ws);
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
      ws.on('message', (data) => {
        let frame: unknown;
        try {
          frame = JSON.parse(String(data));
        } catch {
          return;
        }
        // `{ action: "ping" }` keeps proxies from closing an idle socket: nothing to answer.
        if (LiveSyncRequest.safeParse(frame).success)
          sync(connectionId).catch((error: unknown) =>
            logger.warn('live sync failed', { connectionId, error }),
          );
      });
      sync(connectionId).catch((error: unknown) => logger.warn('live sync failed', { connectionId, error }));
    });
  });

  const heartbeat = setInterval(() => {
    for (const ws of live.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
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
      clearInterval(heartbeat);
      for (const ws of live.clients) ws.terminate();
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
