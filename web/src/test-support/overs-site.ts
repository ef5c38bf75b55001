import { pageSecurityHeaders } from '@live-scores/core';
import { readStaticFile, WEB_PUBLIC_DIR } from '@live-scores/runtime';
import type { OverHistory, Scorecard } from '@live-scores/schema';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { TEAMS } from './fixtures.ts';

/*
 * The page's files and just the API the charts read, on loopback, under the test's control:
 * the scorecards, each match's over history, and a live socket the test speaks on. Either
 * answer can be held back, so a test chooses the order things reach the page.
 */

/** A gate a response waits at until the test opens it. */
export interface Gate {
  readonly promise: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

export interface OversSite {
  readonly origin: string;
  scorecards: Scorecard[];
  /** Served at /api/matches/:matchId/overs; a match without one answers 404. */
  readonly histories: Map<string, OverHistory>;
  /** When set, the next answers to these wait at the gate. */
  holdScorecards: Gate | null;
  holdOvers: Gate | null;
  /** Whether a page's `{ action: "sync" }` is answered with the scorecards, as the runtime does. */
  answerSync: boolean;
  /** Match ids of every over history the page asked for, in order. */
  readonly oversRequests: string[];
  /** Sends a frame to every open page socket; resolves with how many got it. */
  send(message: unknown): number;
  /** Every frame the pages sent on their sockets. */
  readonly received: unknown[];
  /** Drops every socket, as a server restart would. */
  dropSockets(): void;
  readonly openSockets: number;
  close(): Promise<void>;
}

const OVERS_ROUTE = /^\/api\/matches\/([^/]+)\/overs$/;

export async function startOversSite({
  oversPerSide,
  staleSeconds = 600,
}: {
  oversPerSide: number;
  /** The page's `staleSeconds`: how long without news before it marks the scores stale. */
  staleSeconds?: number;
}): Promise<OversSite> {
  const sockets = new Set<WebSocket>();
  const received: unknown[] = [];
  const oversRequests: string[] = [];
  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(body));
  };
  const config = {
    title: 'Cleckheaton live scores',
    teams: TEAMS.slice(0, 3),
    overs: oversPerSide,
    staleSeconds,
    ws: '/live',
    api: '',
    vapidPublicKey: '',
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/config.json') return json(response, 200, config);
    if (path === '/api/scorecards') {
      await site.holdScorecards?.promise;
      return json(response, 200, site.scorecards);
    }
    const overs = OVERS_ROUTE.exec(path);
    if (overs) {
      const matchId = decodeURIComponent(overs[1] ?? '');
      oversRequests.push(matchId);
      await site.holdOvers?.promise;
      const history = site.histories.get(matchId);
      return history ? json(response, 200, history) : json(response, 404, { error: 'no overs yet' });
    }
    if (path.startsWith('/api/')) return json(response, 404, { error: 'not served here' });
    const file = await readStaticFile(WEB_PUBLIC_DIR, path);
    if (!file) return json(response, 404, { error: 'no such file' });
    response.writeHead(200, { ...file.headers, ...pageSecurityHeaders([]) });
    response.end(file.body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => json(response, 500, { error: error.message }));
  });
  const live = new WebSocketServer({ server, path: '/live' });
  live.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { action?: string };
      received.push(frame);
      // As the runtime does: a sync is answered with every current scorecard.
      if (frame.action === 'sync' && site.answerSync)
        for (const scorecard of site.scorecards)
          socket.send(JSON.stringify({ type: 'scorecard', scorecard }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const site: OversSite = {
    origin: `http://127.0.0.1:${port}`,
    scorecards: [],
    histories: new Map(),
    holdScorecards: null,
    holdOvers: null,
    answerSync: true,
    oversRequests,
    received,
    send(message) {
      for (const socket of sockets) socket.send(JSON.stringify(message));
      return sockets.size;
    },
    dropSockets() {
      for (const socket of sockets) socket.terminate();
    },
    get openSockets() {
      return sockets.size;
    },
    close: async () => {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => live.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return site;
}
