import { createECDH, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Subscription } from '@live-scores/schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Runtime } from './runtime.ts';
import { eventually, startTestRuntime } from './testing/harness.ts';
import { encodeFrame, openRawWebSocket, type RawFrame } from './testing/raw-websocket.ts';

const TEXT = 0x1;
const BINARY = 0x2;
const CONTINUATION = 0x0;
const PING = 0x9;

const p256dh = (): string => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return ecdh.getPublicKey().toString('base64url');
};
const auth = (): string => randomBytes(16).toString('base64url');

/** What the server does with one bad frame: the close code it answers with, if any. */
interface FrameCase {
  name: string;
  bytes: () => Buffer;
  /** The close code ws or the server sends; undefined where it simply drops the connection. */
  code: number | undefined;
}

const frame = (f: RawFrame): Buffer => encodeFrame(f);
const FRAME_CASES: FrameCase[] = [
  {
    name: 'a 100 KB message',
    bytes: () => frame({ opcode: TEXT, payload: Buffer.alloc(100_000, 0x61) }),
    code: 1009,
  },
  {
    name: 'invalid UTF-8',
    bytes: () => frame({ opcode: TEXT, payload: Buffer.from([0xc3, 0x28]) }),
    code: 1007,
  },
  {
    name: 'an unmasked client frame',
    bytes: () => frame({ opcode: TEXT, payload: Buffer.from('{}'), mask: false }),
    code: 1002,
  },
  { name: 'a reserved opcode', bytes: () => frame({ opcode: 0x3, payload: Buffer.from('x') }), code: 1002 },
  {
    name: 'RSV1 without an extension',
    bytes: () => frame({ opcode: TEXT, payload: Buffer.from('{}'), rsv: 4 }),
    code: 1002,
  },
  {
    name: 'a ping over 125 bytes',
    bytes: () => frame({ opcode: PING, payload: Buffer.alloc(126) }),
    code: 1002,
  },
  {
    name: 'a fragmented ping',
    bytes: () => frame({ opcode: PING, payload: Buffer.from('p'), fin: false }),
    code: 1002,
  },
  { name: 'a 2^53 length', bytes: () => frame({ opcode: TEXT, claimedLength: 2 ** 53 }), code: 1009 },
  {
    name: 'a continuation with nothing to continue',
    bytes: () => frame({ opcode: CONTINUATION, payload: Buffer.from('x') }),
    code: 1002,
  },
  {
    name: 'a flood of tiny fragments',
    bytes: () =>
      Buffer.concat([
        frame({ opcode: TEXT, payload: Buffer.from('{'), fin: false }),
        ...Array.from({ length: 100 }, () =>
          frame({ opcode: CONTINUATION, payload: Buffer.from(' '), fin: false }),
        ),
      ]),
    code: 1008,
  },
  { name: 'a binary frame', bytes: () => frame({ opcode: BINARY, payload: randomBytes(32) }), code: 1003 },
  { name: 'bytes that are no frame at all', bytes: () => Buffer.from('GET / HTTP/1.1\r\n\r\n'), code: 1002 },
];

describe('the server under hostile input', () => {
  let runtime: Runtime;
  let dataDir: string;
  let port: number;
  let rssBefore: number;
  const tally = { tried: 0, handled: 0 };
  const good: Subscription = {
    endpoint: 'https://fcm.googleapis.com/fcm/send/kept-safe',
    keys: { p256dh: p256dh(), auth: auth() },
  };
  const url = (path: string): string => `${runtime.url}${path}`;
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(url('/api/subscriptions'), { method: 'POST', headers, body });

  /** The server still answers, and every case so far counts as handled. */
  async function stillServing(): Promise<void> {
    const health = await fetch(url('/healthz'));
    expect(health.status).toBe(200);
    tally.handled++;
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hostile-'));
    ({ runtime } = await startTestRuntime({
      dataDir,
      scraper: { pages: ['04-mid-innings.html'], intervalMs: 20 },
      config: {
        server: {
          host: '127.0.0.1',
          port: 0,
          dataDir,
          trustProxy: 1,
          live: {
            maxConnections: 2_100,
            maxConnectionsPerClient: 2_050,
            messagesPerMinute: 60,
            maxBufferedKiB: 64,
          },
          subscriptions: { max: 100, createBurst: 100, createPerHour: 100 },
        },
      },
    }));
    port = Number(new URL(runtime.url).port);
    await runtime.system.subscriptions.put(good);
    await runtime.system.findFixtures();
    await eventually(
      'the scorecards',
      async () => (await runtime.system.health()).lastScorecards.length === 2,
    );
    rssBefore = process.memoryUsage().rss;
  });

  afterAll(async () => {
    const rssAfter = process.memoryUsage().rss;
    process.stdout.write(
      `${JSON.stringify({
        hostileInput: { tried: tally.tried, handled: tally.handled },
        rssMb: { before: Math.round(rssBefore / 2 ** 20), after: Math.round(rssAfter / 2 ** 20) },
      })}\n`,
    );
    await runtime.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('on the live socket', () => {
    const clients = new Set<WebSocket>();
    const track = (socket: WebSocket): WebSocket => {
      clients.add(socket);
      socket.on('error', () => undefined);
      return socket;
    };
    /** Opens `count` sockets as a crowd does: many at once, not all in the same millisecond. */
    async function openSockets(count: number): Promise<WebSocket[]> {
      const opened: WebSocket[] = [];
      for (let i = 0; i < count; i += 200) {
        const batch = Array.from(
          { length: Math.min(200, count - i) },
          () =>
            new Promise<WebSocket>((resolve, reject) => {
              const socket = track(new WebSocket(url('/live').replace('http', 'ws')));
              socket.once('open', () => resolve(socket));
              socket.once('unexpected-response', () => reject(new Error('upgrade refused')));
              socket.once('error', reject);
            }),
        );
        opened.push(...(await Promise.all(batch)));
      }
      return opened;
    }
    afterEach(async () => {
      for (const socket of clients) socket.terminate();
      clients.clear();
      // Gone from the connections and from the socket server, whose count /healthz reports:
      // a socket an earlier test closed leaves the server's list only when its TCP close lands.
      await eventually(
        'every client socket to be gone',
        async () =>
          runtime.system.connections.size === 0 &&
          ((await (await fetch(url('/healthz'))).json()) as { connections: number }).connections === 0,
      );
    });

    for (const testCase of FRAME_CASES) {
      it(`closes the one socket that sends ${testCase.name}, and serves on`, async () => {
        tally.tried++;
        const raw = await openRawWebSocket(port);
        expect(raw.status).toBe('HTTP/1.1 101 Switching Protocols');
        raw.write(testCase.bytes());
        expect((await raw.closed).code).toBe(testCase.code);
        await stillServing();
      });
    }

    it('closes a socket that floods sync requests with 1008, after its budget', async () => {
      tally.tried++;
      const raw = await openRawWebSocket(port);
      const sync = frame({ opcode: TEXT, payload: Buffer.from('{"action":"sync"}') });
      raw.write(Buffer.concat(Array.from({ length: 200 }, () => sync)));
      expect((await raw.closed).code).toBe(1008);
      await stillServing();
    });

    it('ignores junk text and answers a sync after it', async () => {
      tally.tried++;
      const socket = new WebSocket(url('/live').replace('http', 'ws'));
      const frames: string[] = [];
      socket.on('message', (data) => frames.push(String(data)));
      await eventually('the current scorecards', () => frames.length === 2);
      socket.send('not json {{{');
      socket.send(JSON.stringify({ action: 'format-disk' }));
      socket.send(JSON.stringify({ action: 'sync' }));
      await eventually('the sync reply', () => frames.length === 4);
      expect(socket.readyState).toBe(WebSocket.OPEN);
      socket.close();
      await stillServing();
    });

    it('holds 2,000 idle sockets, and answers the page and the API meanwhile', async () => {
      tally.tried++;
      expect(await openSockets(2_000)).toHaveLength(2_000);
      expect((await fetch(url('/'))).status).toBe(200);
      const health = (await (await fetch(url('/healthz'))).json()) as { connections: number };
      expect(health.connections).toBe(2_000);
      await stillServing();
    });

    it('survives rapid connect and disconnect, leaving nothing behind', async () => {
      tally.tried++;
      for (let round = 0; round < 300; round++) {
        const socket = connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.on('connect', () => {
          socket.write(`GET /live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`);
          socket.destroy();
        });
      }
      const sockets = Array.from({ length: 100 }, () =>
        track(new WebSocket(url('/live').replace('http', 'ws'))),
      );
      for (const socket of sockets) {
        socket.on('error', () => undefined);
        socket.once('open', () => socket.terminate());
      }
      await eventually(
        'every socket to be gone',
        () =>
          sockets.every((s) => s.readyState === WebSocket.CLOSED) && runtime.system.connections.size === 0,
      );
      await stillServing();
    });

    it('cuts off a client too slow to read instead of buffering for it without end', async () => {
      tally.tried++;
      const raw = await openRawWebSocket(port);
      raw.socket.pause(); // never reads again
      const { connections } = await runtime.system.connections.store.listPage();
      expect(connections).toHaveLength(1);
      // As a broadcast does: every frame is handed over at once, none waits for the last.
      const big = JSON.stringify({ type: 'filler', text: 'x'.repeat(256 * 1024) });
      const outcomes = await Promise.all(
        Array.from({ length: 100 }, () =>
          runtime.system.connections.sender.send(connections[0]!.connectionId, big),
        ),
      );
      expect(outcomes).toContain('gone');
      expect(outcomes.filter((o) => o === 'sent').length).toBeLessThan(50);
      raw.socket.resume(); // reads what the kernel held, then sees the server's close
      await raw.closed;
      await eventually('the slow client to be gone', () => runtime.system.connections.size === 0);
      await stillServing();
    });

    it('answers 503 at upgrade past the per-client cap, and serves other clients', async () => {
      tally.tried++;
      const from = (client: string) =>
        new Promise<WebSocket | number>((resolve) => {
          const socket = track(
            new WebSocket(url('/live').replace('http', 'ws'), { headers: { 'x-forwarded-for': client } }),
          );
          socket.once('open', () => resolve(socket));
          socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
          socket.once('error', () => undefined);
        });
      for (let i = 0; i < 2_050; i += 50)
        expect(
          (await Promise.all(Array.from({ length: 50 }, () => from('198.51.100.1')))).every(
            (s) => s instanceof WebSocket,
          ),
        ).toBe(true);
      expect(await from('198.51.100.1')).toBe(503);
      expect(await from('198.51.100.2')).toBeInstanceOf(WebSocket);
      // The global cap: 2,100 in all.
      for (let i = 0; i < 49; i++) expect(await from(`198.51.100.${10 + i}`)).toBeInstanceOf(WebSocket);
      expect(await from('198.51.100.200')).toBe(503);
      await stillServing();
    });
  });

  describe('over HTTP', () => {
    it('refuses bodies that are too large, malformed or not declared JSON', async () => {
      tally.tried += 4;
      expect((await post('x'.repeat(20_000))).status).toBe(413);
      expect((await post('{"endpoint":')).status).toBe(400);
      expect((await post(JSON.stringify(good), { 'content-type': 'text/plain' })).status).toBe(415);
      expect((await post(JSON.stringify(good), {})).status).toBe(415);
      await stillServing();
      tally.handled += 3;
    });

    it('answers a malformed percent escape with 400, never 500', async () => {
      tally.tried += 2;
      expect((await fetch(url('/api/scorecards/%E0%A4%A'))).status).toBe(400);
      expect((await fetch(url('/%zz'))).status).toBe(400);
      await stillServing();
      tally.handled++;
    });

    it('answers a malformed request line with 400 and drops the connection', async () => {
      tally.tried++;
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        let text = '';
        socket.on('data', (chunk) => (text += String(chunk)));
        socket.on('close', () => resolve(text));
        socket.on('error', () => undefined);
        socket.write('GET / HTTP/1.1\r\nHost: x\r\nBad Header\u0000: y\r\n\r\n');
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      await stillServing();
    });

    it('refuses push endpoints that would reach this machine or its network', async () => {
      const endpoints = [
        'https://127.0.0.1/push',
        'https://169.254.169.254/latest/meta-data/',
        'https://localhost:8080/x',
        'https://fcm.googleapis.com@127.0.0.1/x',
        'https://fcm.googleapis.com.evil.example/x',
        'https://fcm.googleapis.com:8443/x',
        'http://fcm.googleapis.com/x',
      ];
      tally.tried += endpoints.length;
      for (const endpoint of endpoints) {
        const answer = await post(JSON.stringify({ endpoint, keys: { p256dh: p256dh(), auth: auth() } }));
        expect(answer.status, endpoint).toBe(400);
      }
      await stillServing();
      tally.handled += endpoints.length - 1;
    });

    it('refuses a p256dh that is not a point on P-256, with the reason', async () => {
      tally.tried++;
      const offCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url');
      const answer = await post(
        JSON.stringify({
          endpoint: 'https://fcm.googleapis.com/fcm/send/off-curve',
          keys: { p256dh: offCurve, auth: auth() },
        }),
      );
      expect([answer.status, await answer.json()]).toEqual([
        400,
        { error: 'keys.p256dh: not a point on the P-256 curve' },
      ]);
      await stillServing();
    });

    it('shows /healthz details to the operator on loopback only', async () => {
      tally.tried++;
      const outside = await fetch(url('/healthz'), { headers: { 'x-forwarded-for': '203.0.113.5' } });
      expect(await outside.json()).toEqual({ status: expect.stringMatching(/^(ok|degraded)$/) });
      const inside = (await (await fetch(url('/healthz'))).json()) as Record<string, unknown>;
      expect(inside).toHaveProperty('queues');
      expect(inside).toHaveProperty('scrapers');
      await stillServing();
    });

    it('serves the page with a same-origin content security policy', async () => {
      const page = await fetch(url('/'));
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(page.headers.get('permissions-policy')).toContain('camera=()');
    });
  });

  it('leaves the stored data intact: the subscription it held is still there, and only it', async () => {
    const { subscriptions } = await runtime.system.subscriptions.listPage();
    expect(subscriptions).toEqual([good]);
    expect((await runtime.system.health()).database.status).toBe('ok');
  });
});
