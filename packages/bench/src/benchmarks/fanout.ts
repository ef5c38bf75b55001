import type { AddressInfo } from 'node:net';
import { API_GATEWAY_BILLING_UNIT_BYTES, broadcastScorecard, createMemoryLogger } from '@live-scores/core';
import { createMemoryBroadcastWatermark, createWsConnections } from '@live-scores/local';
import type { Batter, Scorecard } from '@live-scores/schema';
import { WebSocketServer } from 'ws';
import { median, percentile } from '../stats.ts';
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

/** The next ball of `card`: a single to the first batter, on the total too. */
function afterASingle(card: Scorecard, ball: number): Scorecard {
  const next = structuredClone(card);
  const innings = next.innings[next.innings.length - 1]!;
  const batter = innings.batting[0]!;
  batter.runs = (batter.runs ?? 0) + 1;
  batter.balls = (batter.balls ?? 0) + 1;
  innings.total.runs += 1;
  innings.total.text = `${innings.total.runs} for ${innings.total.wickets}`;
  return {
    ...next,
    seq: card.seq + 1,
    capturedAt: new Date(Date.parse(card.capturedAt) + ball * 5000).toISOString(),
  };
}

/**
 * Live-page fan-out: 10,000 WebSocket clients on 127.0.0.1 (in their own process) receive a
 * 20 KB scorecard through the broadcast use case and the ws adapter, then one ball after
 * another, each sent as a diff from the last. Latency is from the start of a broadcast to
 * each client's receipt, on the machine's shared clock, over the diff rounds (a page's steady
 * state); the first, full scorecard's p99 is reported beside it. Bytes are what the clients
 * read per update; API Gateway meters each message in 32 KB units, which gives its count.
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
        const deps = {
          connections: connections.store,
          sender: connections.sender,
          watermark: createMemoryBroadcastWatermark(),
          logger: createMemoryLogger(),
        };

        const broadcast = async (card: Scorecard) => {
          await swarm.request({ type: 'arm' });
          const started = performance.timeOrigin + performance.now();
          await broadcastScorecard(deps, card, { concurrency });
          const { arrivals, bytes } = await swarm.request<{ arrivals: number[]; bytes: number }>({
            type: 'collect',
            expected: clients,
            timeoutMs: 30_000,
          });
          return {
            ms: arrivals.map((t) => t - started),
            delivered: arrivals.length,
            bytesPerClient: bytes / clients,
          };
        };

        let card = scorecardOfSize(20 * 1024);
        const full = await broadcast(card);
        const latencies: number[] = [];
        const roundP99: number[] = [];
        const deliveredPerRound: number[] = [full.delivered];
        const bytesPerUpdate: number[] = [];
        for (let round = 1; round <= rounds; round++) {
          card = afterASingle(card, round);
          const update = await broadcast(card);
          deliveredPerRound.push(update.delivered);
          roundP99.push(percentile(update.ms, 99));
          latencies.push(...update.ms);
          bytesPerUpdate.push(update.bytesPerClient);
        }
        const fullBytes = full.bytesPerClient;
        const diffBytes = median(bytesPerUpdate);
        const awsUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / API_GATEWAY_BILLING_UNIT_BYTES));
        return [
          {
            key: 'fanout.ws.p99_ms',
            label: `Live-page broadcast of one ball (a diff) to ${clients} local WebSocket clients (p99 over ${rounds} rounds)`,
            value: Math.round(percentile(latencies, 99)),
            unit: 'ms',
            target: { op: '<=', value: 250 },
            detail: {
              clients,
              fewestDeliveredInARound: Math.min(...deliveredPerRound),
              p50Ms: Math.round(percentile(latencies, 50)),
              worstRoundP99Ms: Math.round(Math.max(...roundP99)),
              fullScorecardP99Ms: Math.round(percentile(full.ms, 99)),
              concurrency,
            },
          },
          {
            key: 'fanout.bytes_per_update',
            label: 'Bytes each client reads per ball after its first full scorecard (median over rounds)',
            value: Math.round(diffBytes),
            unit: 'bytes',
            target: { op: '<=', value: 2048 },
            detail: { fullScorecardBytes: Math.round(fullBytes) },
          },
          {
            key: 'fanout.aws_messages_per_update',
            label: `API Gateway messages (32 KB units) per ball for ${clients} connections`,
            value: clients * awsUnits(diffBytes),
            unit: 'messages',
            detail: {
              fullScorecardMessages: clients * awsUnits(fullBytes),
              unitBytes: API_GATEWAY_BILLING_UNIT_BYTES,
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
