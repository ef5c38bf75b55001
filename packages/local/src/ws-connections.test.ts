import type { AddressInfo } from 'node:net';
import { broadcastScorecard, createMemoryLogger } from '@live-scores/core';
import { eventually, scorecard as sampleScorecard } from '@live-scores/test-support';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createMemoryBroadcastWatermark } from './broadcast-watermark.ts';
import { createWsConnections, type WsConnections } from './ws-connections.ts';
import { wsSender } from './ws-frames.ts';

const scorecard = sampleScorecard();

function openClient(url: string): Promise<{ socket: WebSocket; frames: string[] }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const frames: string[] = [];
    socket.on('message', (data) => frames.push(String(data)));
    socket.once('open', () => resolve({ socket, frames }));
    socket.once('error', reject);
  });
}

describe('a broadcast over real WebSocket connections', () => {
  let server: WebSocketServer;
  let connections: WsConnections;
  let clients: { socket: WebSocket; frames: string[] }[];

  beforeAll(async () => {
    connections = createWsConnections();
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (socket) => connections.attach(socket));
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    clients = await Promise.all(Array.from({ length: 200 }, () => openClient(url)));
    await eventually('200 connections', () => connections.size === 200, 5000);
  });
  afterAll(async () => {
    for (const { socket } of clients) socket.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reaches each of 200 clients once, and forgets the ones that have closed', async () => {
    const closing = clients.slice(0, 20);
    await Promise.all(
      closing.map(({ socket }) => new Promise((resolve) => (socket.once('close', resolve), socket.close()))),
    );
    const report = await broadcastScorecard(
      {
        connections: connections.store,
        sender: connections.sender,
        watermark: createMemoryBroadcastWatermark(),
        logger: createMemoryLogger(),
      },
      scorecard,
    );
    const open = clients.slice(20);
    await eventually(
      'a frame on every open socket',
      () => open.every(({ frames }) => frames.length > 0),
      5000,
    );
    expect(report).toMatchObject({ outcome: 'broadcast', sent: 180 });
    expect(
      open.every(
        ({ frames }) => frames.length === 1 && JSON.parse(frames[0]!).scorecard.matchId === '6123456',
      ),
    ).toBe(true);
    expect(closing.every(({ frames }) => frames.length === 0)).toBe(true);
    expect(connections.size).toBe(180);
  });

  it('frames each message once for every client, and sends only what changed after the first', async () => {
    const open = clients.slice(20);
    for (const client of open) client.frames.length = 0;
    const framing = vi.spyOn(wsSender, 'frame');
    const deps = {
      connections: connections.store,
      sender: connections.sender,
      watermark: createMemoryBroadcastWatermark(),
      logger: createMemoryLogger(),
    };
    const batting = Array.from({ length: 11 }, (_, i) => ({
      name: `Batter ${i}`,
      howOut: i < 4 ? `ct Fielder b Bowler ${i}` : 'not out',
      out: i < 4,
      runs: 10 + i,
      balls: 20 + i,
      minutes: 30 + i,
      fours: 1,
      sixes: 0,
      strikeRate: 50,
    }));
    const total = { runs: 176, wickets: 4, overs: '38.2', text: '176 for 4 (38.2 Overs)' };
    const innings = { team: 'Cleckheaton', batting, extras: 12, total, fallOfWickets: '', bowling: [] };
    const first = sampleScorecard({ seq: 10, innings: [innings] });
    const next = structuredClone({ ...first, seq: 11 });
    next.innings[0]!.total.runs += 4;
    try {
      await broadcastScorecard(deps, first);
      await broadcastScorecard(deps, next);
      await eventually(
        'two frames on every open socket',
        () => open.every((c) => c.frames.length === 2),
        5000,
      );
      expect(framing).toHaveBeenCalledTimes(2);
    } finally {
      framing.mockRestore();
    }
    const [full, diff] = open[0]!.frames.map((f) => JSON.parse(f));
    expect(full).toEqual({ type: 'scorecard', scorecard: first });
    expect(diff).toMatchObject({ type: 'diff', base: { seq: 10 }, seq: 11 });
    expect(open.every((c) => c.frames[0] === open[0]!.frames[0] && c.frames[1] === open[0]!.frames[1])).toBe(
      true,
    );
    expect(Buffer.byteLength(open[0]!.frames[1]!)).toBeLessThan(Buffer.byteLength(open[0]!.frames[0]!) / 5);
  });
});

describe('a client that stops reading', () => {
  it('is cut off once its backlog passes the limit, instead of being buffered without end', async () => {
    const connections = createWsConnections({ maxBufferedBytes: 256 * 1024 });
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (socket) => connections.attach(socket));
    await new Promise((resolve) => server.once('listening', resolve));
    const client = await openClient(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      await eventually('connected', () => connections.size === 1, 5000);
      (client.socket as unknown as { _socket: { pause(): void } })._socket.pause();
      const connectionId = (await connections.store.listPage()).connections[0]!.connectionId;
      const frame = 'x'.repeat(64 * 1024);
      const outcomes: string[] = [];
      for (let i = 0; i < 4000 && outcomes.at(-1) !== 'gone'; i++) {
        outcomes.push(await connections.sender.send(connectionId, frame));
      }
      expect(outcomes.at(-1)).toBe('gone');
      await eventually('the slow client left the store', () => connections.size === 0, 5000);
    } finally {
      client.socket.terminate();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
