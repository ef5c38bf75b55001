import type { AddressInfo } from 'node:net';
import { broadcastScorecard, createMemoryLogger } from '@live-scores/core';
import { eventually, scorecard as sampleScorecard } from '@live-scores/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createMemoryBroadcastWatermark } from './broadcast-watermark.ts';
import { createWsConnections, type WsConnections } from './ws-connections.ts';

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
});
