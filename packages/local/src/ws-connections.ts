import { randomUUID } from 'node:crypto';
import type { Connection, ConnectionSender, ConnectionStore } from '@live-scores/core';
import WebSocket from 'ws';
import { createFrameCache, writeTextFrame } from './ws-frames.ts';

export interface WsConnectionsOptions {
  /** A client this far behind (bytes queued) is cut off rather than buffered without limit. */
  maxBufferedBytes?: number;
  now?: () => Date;
}

export interface WsConnections {
  store: ConnectionStore;
  sender: ConnectionSender;
  /** Registers an open socket; it leaves the store when it closes. Returns its connection id. */
  attach(socket: WebSocket): string;
  readonly size: number;
}

/**
 * The local server's live connections: sockets held in memory, behind the same ports as
 * API Gateway's connections table and PostToConnection. A broadcast hands every socket the
 * same text, so it is encoded and framed once and that one buffer is written to each; a
 * client more than `maxBufferedBytes` behind is cut off (it resyncs when it reconnects).
 */
export function createWsConnections(options: WsConnectionsOptions = {}): WsConnections {
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const now = options.now ?? (() => new Date());
  const sockets = new Map<string, { socket: WebSocket; connection: Connection }>();
  const frames = createFrameCache();

  const store: ConnectionStore = {
    /** Sockets join through `attach`; `add` only refreshes the record of one still open. */
    async add(connection) {
      const existing = sockets.get(connection.connectionId);
      if (existing) existing.connection = connection;
    },
    async remove(connectionId) {
      const entry = sockets.get(connectionId);
      sockets.delete(connectionId);
      if (entry && entry.socket.readyState === WebSocket.OPEN) entry.socket.close(1001, 'gone');
    },
    async listPage(cursor, limit = 1000) {
      const all = [...sockets.values()].map((e) => e.connection);
      const start = cursor ? Number(cursor) : 0;
      const end = start + limit;
      return { connections: all.slice(start, end), ...(end < all.length ? { cursor: String(end) } : {}) };
    },
  };

  const sender: ConnectionSender = {
    /** Resolves once the frame is handed to the socket; a write that fails closes the socket, which leaves the store. */
    send(connectionId, data) {
      const entry = sockets.get(connectionId);
      if (!entry || entry.socket.readyState !== WebSocket.OPEN) return Promise.resolve('gone');
      if (entry.socket.bufferedAmount > maxBuffered) {
        entry.socket.terminate();
        return Promise.resolve('gone');
      }
      writeTextFrame(entry.socket, frames.of(data));
      return Promise.resolve('sent');
    },
  };

  return {
    store,
    sender,
    attach(socket) {
      const connectionId = randomUUID();
      sockets.set(connectionId, { socket, connection: { connectionId, connectedAt: now().toISOString() } });
      socket.once('close', () => sockets.delete(connectionId));
      return connectionId;
    },
    get size() {
      return sockets.size;
    },
  };
}
