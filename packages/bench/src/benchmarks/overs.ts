import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  API_GATEWAY_BILLING_UNIT_BYTES,
  createMemoryLogger,
  recordOvers,
  type ConnectionSender,
  type ConnectionStore,
} from '@live-scores/core';
import { createSqliteOverHistoryStore, openLocalDatabase } from '@live-scores/local';
import type { Scorecard } from '@live-scores/schema';
import { playMatch, truthCaptures } from '@live-scores/simulator';
import { percentile } from '../stats.ts';
import type { Benchmark, BenchResult } from '../types.ts';

export interface OversBenchOptions {
  oversPerSide?: number;
}

const START = Date.UTC(2026, 5, 13, 12, 30);

/** Every scorecard of a simulated match, ball by ball, stamped with its match time. */
function matchScorecards(oversPerSide: number): Scorecard[] {
  const timeline = playMatch({
    seed: 'overs-bench',
    home: { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' },
    away: { club: 'Scholes CC', text: 'Scholes CC - 1st XI' },
    oversPerSide,
  });
  return truthCaptures(timeline, {
    matchId: '8100001',
    teamId: 'firstTeam',
    url: 'http://127.0.0.1/website/results/8100001',
    startMs: START,
  });
}

/**
 * `npm run bench -- overs`: a whole match recorded ball by ball into its over history in the
 * single machine's SQLite database (an fsync per commit), with one open page: how long each
 * scorecard takes (load, fold, version-checked save, send), and how large the frame a page is
 * sent grows by the end (API Gateway bills per 32 KB unit).
 */
export function oversBenchmark(options: OversBenchOptions = {}): Benchmark {
  const oversPerSide = options.oversPerSide ?? 50;
  return {
    name: 'overs',
    async run(): Promise<BenchResult[]> {
      const cards = matchScorecards(oversPerSide);
      const dataDir = await mkdtemp(join(tmpdir(), 'bench-overs-'));
      const database = openLocalDatabase(dataDir, { logger: createMemoryLogger() });
      let frameBytes = 0;
      const connections: ConnectionStore = {
        add: async () => undefined,
        remove: async () => undefined,
        listPage: async () => ({
          connections: [{ connectionId: 'page', connectedAt: new Date().toISOString() }],
        }),
      };
      const sender: ConnectionSender = {
        send: async (_, data) => {
          frameBytes = Math.max(frameBytes, Buffer.byteLength(data));
          return 'sent';
        },
      };
      const store = createSqliteOverHistoryStore(database);
      const deps = { store, connections, sender, logger: createMemoryLogger() };
      const times: number[] = [];
      try {
        for (const card of cards) {
          const start = performance.now();
          await recordOvers(deps, card);
          times.push(performance.now() - start);
        }
        const stored = await store.load('8100001');
        const storedBytes = Buffer.byteLength(
          JSON.stringify({ history: stored?.history, fold: stored?.fold }),
        );
        const overs = stored?.history.innings.reduce((n, i) => n + i.overs.length, 0) ?? 0;
        const round = (ms: number) => Math.round(ms * 100) / 100;
        return [
          {
            key: 'overs.record_p99_ms',
            label: `record one scorecard into the over history (SQLite, fsync), ${oversPerSide}-over match, p99`,
            value: round(percentile(times, 99)),
            unit: 'ms',
            target: { op: '<=', value: 50 },
            detail: { scorecards: cards.length, p50: round(percentile(times, 50)) },
          },
          {
            key: 'overs.frame_bytes',
            label: `largest { type: "overs" } frame, ${oversPerSide}-over match`,
            value: frameBytes,
            unit: 'bytes',
            target: { op: '<=', value: API_GATEWAY_BILLING_UNIT_BYTES },
            detail: { overs, storedBytes },
          },
        ];
      } finally {
        database.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}
