import type { AddressInfo } from 'node:net';
import { broadcastScorecard, createMemoryLogger } from '@live-scores/core';
import { createMemoryBroadcastWatermark, createWsConnections } from '@live-scores/local';
import type { Batter, Scorecard } from '@live-scores/schema';
import { WebSocketServer } from 'ws';
import { percentile } from '../stats.ts';
import type { Benchmark, BenchResult } from '../types.ts';
import { startHelper } from './processes/child-process.ts';

export interface FanoutBenchOptions {
  clients?: number;
  rounds?: number;
  /** Sends in flight at once in the broadcast use case. */
  concurrency?: number;
}

/** A two-innings scorecard padded with realistic rows to about `bytes` of JSON. */
export function scorecardOfSize(bytes: number): Scorecard {
  const batter = (i: number): Batter => ({
    name: `Batter Number ${i}`,
    howOut: `ct Fielder ${i} b Bowler ${i % 7}`,
    out: true,
    runs: 10 + i,
    balls: 20 + i,
    minutes: 30 + i,
    fours: i % 5,
    sixes: i % 2,
    strikeRate: 55.5,
  });
  const card: Scorecard = {
    schemaVersion: 1,
    matchId: '6123456',
    teamId: 'firstTeam',
    url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
    capturedAt: '2025-06-14T16:00:00.000Z',
    seq: 300,
    status: 'in-progress',
    result: null,
    innings: [],
  };
  let rows = 0;
  while (Buffer.byteLength(JSON.stringify(card)) < bytes) {
    rows++;
    card.innings = ['Cleckheaton', 'Hanging Heaton'].map((team) => ({
      team,
      batting: Array.from({ length: rows }, (_, i) => batter(i)),
      extras: 12,
      total: { runs: 176, wickets: 4, overs: '38.2', text: '176 for 4 (38.2 Overs, 164 mins)' },
      fallOfWickets: '1-20 2-45 3-90 4-150',
      bowling: Array.from({ length: Math.ceil(rows / 2) }, (_, i) => ({
        name: `Bowler ${i}`,
        overs: '8',
        maidens: 1,
        runs: 30,
        wickets: 1,
        wides: 2,
        noBalls: 0,
        economy: 3.75,
      })),
    }));
  }
  return card;
}

/**
 * Live-page fan-out: 10,000 WebSocket clients on 127.0.0.1 (in their own process) receive a
 * 20 KB scorecard through the broadcast use case and the ws adapter. Latency is from the start
 * of the broadcast to each client's receipt, on the machine's shared clock.
 */
export function fanoutLatency(options: FanoutBenchOptions = {}): Benchmark {
  const clients = options.clients ?? 10_000;
  const rounds = options.rounds ?? 5;
  const concurrency = options.concurrency ?? 1000;
  return {
    name: 'fanout',
    async run(): Promise<BenchResult[]> {
      const connections = createWsConnections();
      const server = new WebSocketServer({
        host: '127.0.0.1',
        port: 0,
        perMessageDeflate: false,
        backlog: 2048,
      });
      server.on('connection', (socket) => connections.attach(socket));
      await new Promise((resolve) => server.once('listening', resolve));
      const swarm = startHelper(new URL('./processes/ws-clients-process.ts', import.meta.url));
      try {
        await swarm.request({
          type: 'open',
          url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
          count: clients,
        });
        while (connections.size < clients) await new Promise((resolve) => setTimeout(resolve, 20));
        const scorecard = scorecardOfSize(20 * 1024);
        const deps = {
          connections: connections.store,
          sender: connections.sender,
          watermark: createMemoryBroadcastWatermark(),
          logger: createMemoryLogger(),
        };

        const latencies: number[] = [];
        const roundP99: number[] = [];
        const deliveredPerRound: number[] = [];
        for (let round = 0; round < rounds; round++) {
          await swarm.request({ type: 'arm' });
          const started = performance.timeOrigin + performance.now();
          await broadcastScorecard(deps, { ...scorecard, seq: scorecard.seq + round }, { concurrency });
          const arrivals = await swarm.request<number[]>({
            type: 'collect',
            expected: clients,
            timeoutMs: 30_000,
          });
          const ms = arrivals.map((t) => t - started);
          deliveredPerRound.push(arrivals.length);
          roundP99.push(percentile(ms, 99));
          latencies.push(...ms);
        }
        return [
          {
            key: 'fanout.ws.p99_ms',
            label: `Live-page broadcast to ${clients} local WebSocket clients, 20 KB scorecard (p99 over ${rounds} rounds)`,
            value: Math.round(percentile(latencies, 99)),
            unit: 'ms',
            target: { op: '<=', value: 1000 },
            detail: {
              clients,
              fewestDeliveredInARound: Math.min(...deliveredPerRound),
              messageBytes: Buffer.byteLength(JSON.stringify({ type: 'scorecard', scorecard })),
              p50Ms: Math.round(percentile(latencies, 50)),
              worstRoundP99Ms: Math.round(Math.max(...roundP99)),
              concurrency,
            },
          },
        ];
      } finally {
        await swarm.request({ type: 'close' }).catch(() => undefined);
        await swarm.stop();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
