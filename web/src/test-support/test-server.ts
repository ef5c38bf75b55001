import { Scorecard, Subscription, oneLineReason, type LiveScorecardMessage } from '@live-scores/schema';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { PUBLIC_DIR } from '../build/bundles.ts';

/*
 * A stand-in for the single-machine server, implementing exactly the design.md contract the
 * page relies on, so the browser tests exercise the page against real HTTP and a real socket.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface RecordedRequest {
  method: string;
  body: unknown;
}

export interface TestServerOptions {
  /** Listen on this port (to restart "the same server"); 0 picks a free one. */
  port?: number;
  scorecards?: Scorecard[];
  /** Served as /config.json beside the page; absent → 404, as when no file is deployed. */
  pageConfig?: Record<string, unknown>;
  vapidPublicKey?: string;
}

export interface TestServer {
  readonly origin: string;
  readonly port: number;
  /** Bodies of every /api/subscriptions request, in order. */
  readonly subscriptionRequests: RecordedRequest[];
  /** Every frame a page sent on the live socket, parsed. */
  readonly socketMessages: unknown[];
  /** Live sockets currently open. */
  connections(): number;
  /** Makes a scorecard current and sends it to every open socket; returns Date.now() just before sending. */
  publish(scorecard: Scorecard): number;
  close(): Promise<void>;
}

/** `DELETE /api/subscriptions` names the subscription by its endpoint only. */
const DeleteBody = Subscription.pick({ endpoint: true });

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

function send(
  response: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  // Any origin may read: the embeddable element runs on club websites (the runtime limits this to its pageOrigins).
  response.writeHead(status, {
    ...(text ? { 'content-type': 'application/json' } : {}),
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
    ...headers,
  });
  response.end(text);
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const current = new Map<string, Scorecard>();
  for (const s of options.scorecards ?? []) current.set(s.matchId, s);
  const subscriptionRequests: RecordedRequest[] = [];
  const socketMessages: unknown[] = [];
  const frame = (scorecard: Scorecard) =>
    JSON.stringify({ type: 'scorecard', scorecard } satisfies LiveScorecardMessage);

  async function serveStatic(path: string, response: ServerResponse): Promise<void> {
    const file = normalize(join(PUBLIC_DIR, path === '/' ? 'index.html' : path));
    if (!file.startsWith(PUBLIC_DIR)) return send(response, 404, { error: 'not found' });
    try {
      const body = await readFile(file);
      const headers: Record<string, string> = {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': path.startsWith('/icons/') ? 'public, max-age=86400' : 'no-cache',
      };
      if (path === '/sw.js') headers['service-worker-allowed'] = '/';
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      send(response, 404, { error: 'not found' });
    }
  }

  async function subscriptions(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = await readJson(request);
    } catch {
      return send(response, 400, { error: 'expected a JSON body' });
    }
    const method = request.method ?? '';
    subscriptionRequests.push({ method, body });
    const parsed = method === 'DELETE' ? DeleteBody.safeParse(body) : Subscription.safeParse(body);
    if (!parsed.success) return send(response, 400, { error: oneLineReason(parsed.error) });
    if (method === 'POST') return send(response, 201, { ok: true });
    if (method === 'PUT') return send(response, 200, { ok: true });
    if (method === 'DELETE') return send(response, 204);
    send(response, 405, { error: `${method} is not supported` });
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const handle = async () => {
      if (path === '/api/scorecards') return send(response, 200, [...current.values()]);
      if (path.startsWith('/api/scorecards/')) {
        const team = decodeURIComponent(path.slice('/api/scorecards/'.length));
        const found = [...current.values()].find((s) => s.teamId === team);
        return found
          ? send(response, 200, found)
          : send(response, 404, { error: `no scorecard for ${team}` });
      }
      if (path === '/api/vapid-public-key')
        return send(response, 200, { publicKey: options.vapidPublicKey ?? '' });
      if (path === '/api/subscriptions') return subscriptions(request, response);
      if (path === '/config.json') {
        return options.pageConfig
          ? send(response, 200, options.pageConfig)
          : send(response, 404, { error: 'not found' });
      }
      if (path === '/healthz') return send(response, 200, { ok: true });
      return serveStatic(path, response);
    };
    handle().catch((error: Error) => send(response, 500, { error: error.message }));
  });

  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/live') return socket.destroy();
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws));
  });
  sockets.on('connection', (ws: WebSocket) => {
    for (const scorecard of current.values()) ws.send(frame(scorecard));
    ws.on('message', (data) => {
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      socketMessages.push(message);
      if ((message as { action?: string }).action === 'sync')
        for (const s of current.values()) ws.send(frame(s));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    subscriptionRequests,
    socketMessages,
    connections: () => sockets.clients.size,
    publish(scorecard) {
      current.set(scorecard.matchId, Scorecard.parse(scorecard));
      const sentAt = Date.now();
      for (const ws of sockets.clients) ws.send(frame(scorecard));
      return sentAt;
    },
    async close() {
      for (const ws of sockets.clients) ws.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
