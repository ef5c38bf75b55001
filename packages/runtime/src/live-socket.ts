import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@live-scores/core';
import type { WsConnections } from '@live-scores/local';
import { LiveSyncRequest, type LiveSocketLimits } from '@live-scores/schema';
import { WebSocketServer, type RawData, type ServerOptions, type WebSocket } from 'ws';

export const LIVE_PATH = '/live';

/**
 * The largest frame a client has reason to send: `{"action":"sync"}` and a keep-alive ping
 * are under 30 bytes. Anything bigger is closed with 1009 before it is buffered.
 */
const MAX_CLIENT_MESSAGE_BYTES = 512;
/**
 * ws's defaults (16,384 fragments, 262,144 buffered chunks) let a few dozen sockets of tiny
 * fragments hold gigabytes. A client's frames here are tiny and never need fragmenting.
 */
const MAX_FRAGMENTS = 4;
const MAX_BUFFERED_CHUNKS = 64;
/** How long a client that broke the rules has to answer the close before it is cut off. */
const ABUSER_CLOSE_MS = 2_000;
/** A socket that misses a ping for this long is dropped (a phone that went out of signal). */
const HEARTBEAT_MS = 30_000;

/** ws 8.21's receiver limits (GHSA-96hv-2xvq-fx4p), which its type definitions do not list yet. */
type WsServerOptions = ServerOptions & { maxFragments: number; maxBufferedChunks: number };

export interface LiveSocketOptions {
  limits: LiveSocketLimits;
  connections: WsConnections;
  /** Sends the current scorecards to one connection: on connect and on `{ "action": "sync" }`. */
  sync: (connectionId: string) => Promise<unknown>;
  /** Who is connecting, for the per-client cap (proxy-aware). */
  clientAddress: (request: IncomingMessage) => string;
  logger: Logger;
}

export interface LiveSocketServer {
  /** Takes over an HTTP upgrade to `/live`, or answers it 503 when a cap is reached. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly size: number;
  close(): void;
}

/** Answers an upgrade with a plain HTTP status and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: string, extraHeaders = ''): void {
  if (socket.writable)
    socket.end(`HTTP/1.1 ${status}\r\n${extraHeaders}Connection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

/** Frames a client may send: a token bucket refilled evenly over the minute. */
function messageBudget(perMinute: number): () => boolean {
  let tokens = perMinute;
  let at = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(perMinute, tokens + ((now - at) / 60_000) * perMinute);
    at = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/**
 * The live socket of the supporters' page. It holds up against hostile clients: every socket
 * has an error handler (a malformed frame closes that socket, never the process), frames are
 * tiny and rate-limited, connections are capped in all and per client address, and a client
 * too slow to read is cut off by the connection sender rather than buffered without end.
 */
export function createLiveSocketServer(options: LiveSocketOptions): LiveSocketServer {
  const { limits, logger } = options;
  const serverOptions: WsServerOptions = {
    noServer: true,
    maxPayload: MAX_CLIENT_MESSAGE_BYTES,
    maxFragments: MAX_FRAGMENTS,
    maxBufferedChunks: MAX_BUFFERED_CHUNKS,
    perMessageDeflate: false,
  };
  const server = new WebSocketServer(serverOptions);
  server.on('error', (error) => logger.warn('live socket server error', { error }));
  const perClient = new Map<string, number>();
  const alive = new WeakMap<WebSocket, boolean>();

  const release = (address: string): void => {
    const left = (perClient.get(address) ?? 1) - 1;
    if (left <= 0) perClient.delete(address);
    else perClient.set(address, left);
  };

  /**
   * Closes a socket that broke the rules. A misbehaving client may never answer the close
   * handshake, so it is cut off shortly after rather than held for ws's 30 seconds.
   */
  function closeAbuser(ws: WebSocket, code: number, reason: string): void {
    ws.close(code, reason);
    setTimeout(() => ws.terminate(), ABUSER_CLOSE_MS).unref();
  }

  const syncQuietly = (connectionId: string): void =>
    void options
      .sync(connectionId)
      .catch((error: unknown) => logger.warn('live sync failed', { connectionId, error }));

  function onConnection(ws: WebSocket, address: string): void {
    const connectionId = options.connections.attach(ws);
    const withinBudget = messageBudget(limits.messagesPerMinute);
    alive.set(ws, true);
    ws.on('error', (error: Error & { code?: string }) => {
      // ws has already failed the connection with the right close code (1002, 1007, 1009…).
      logger.info('live socket closed for a bad frame', {
        connectionId,
        code: error.code,
        reason: error.message,
      });
    });
    ws.once('close', () => release(address));
    ws.on('pong', () => alive.set(ws, true));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!withinBudget()) return closeAbuser(ws, 1008, 'too many messages');
      if (isBinary) return closeAbuser(ws, 1003, 'text frames only');
      let frame: unknown;
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      // `{ action: "ping" }` keeps proxies from closing an idle socket: nothing to answer.
      if (LiveSyncRequest.safeParse(frame).success) syncQuietly(connectionId);
    });
    syncQuietly(connectionId);
  }

  const heartbeat = setInterval(() => {
    for (const ws of server.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    handleUpgrade(request, socket, head) {
      // The raw socket can fail before ws owns it (a reset mid-handshake): never unhandled.
      socket.on('error', (error) => logger.debug('live upgrade socket error', { error }));
      const address = options.clientAddress(request);
      const fromClient = perClient.get(address) ?? 0;
      if (server.clients.size >= limits.maxConnections || fromClient >= limits.maxConnectionsPerClient) {
        logger.warn('live connection refused: at capacity', {
          open: server.clients.size,
          fromClient,
        });
        refuseUpgrade(socket, '503 Service Unavailable', 'Retry-After: 30\r\n');
        return;
      }
      perClient.set(address, fromClient + 1);
      let upgraded = false;
      // ws answers a bad handshake itself (400, 426…) and then never calls back.
      socket.once('close', () => {
        if (!upgraded) release(address);
      });
      server.handleUpgrade(request, socket, head, (ws) => {
        upgraded = true;
        onConnection(ws, address);
      });
    },
    get size() {
      return server.clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const ws of server.clients) ws.terminate();
      server.close();
    },
  };
}
