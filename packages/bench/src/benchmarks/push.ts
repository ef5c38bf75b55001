import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PushMessage } from '@live-scores/core';
import { generateVapidKeys } from '@live-scores/push';
import type { Subscription } from '@live-scores/schema';
import { median } from '../stats.ts';
import type { Benchmark, BenchResult } from '../types.ts';
import { startHelper } from './processes/child-process.ts';

export interface PushBenchOptions {
  subscriptions?: number;
  /** Subscriptions per naive round: the naive loop is ten times slower, so it gets a slice. */
  naiveSubscriptions?: number;
  /** Pooled and naive rounds each, alternating (pooled, naive, pooled, naive …). */
  rounds?: number;
  /** Encryption worker threads for the pooled sender (default: one per core beyond the first). */
  encryptionThreads?: number;
}

const MESSAGE: PushMessage = {
  payload: {
    title: '1st XI · Wicket',
    body: 'A Smith ct B Jones b J Thurwell 34 — Cleckheaton 120 for 3 (28.4 overs)',
    tag: '6123456-wicket',
    url: 'https://scores.club.example/?match=6123456',
    matchId: '6123456',
    kind: 'wicket',
  },
  ttlSeconds: 1800,
  urgency: 'high',
  topic: '6123456-wicket',
};

interface SendResult {
  ms: number;
  delivered: number;
  /** CPU time of the sender's process, worker threads included. */
  cpuMs: number;
}
interface ReceiverStats {
  received: number;
  refused: number;
  connections: number;
  tokens: number;
  /** CPU time of the receiver's process since it started. */
  cpuMs: number;
}

/**
 * Web Push throughput to a loopback push service (https, self-signed certificate, VAPID
 * verified and every payload decrypted) with 10,000 subscriptions: the pooled sender (its
 * encryption on a worker pool) against the naive
 * `Promise.all(subs.map(s => webpush.sendNotification(s, payload)))`, in alternating rounds
 * against the same receiver. Receiver and each sender run in their own process,
 * and both senders trust the certificate the same way, through NODE_EXTRA_CA_CERTS.
 */
export function pushThroughput(options: PushBenchOptions = {}): Benchmark {
  const count = options.subscriptions ?? 10_000;
  const naiveCount = Math.min(count, options.naiveSubscriptions ?? 2000);
  const rounds = options.rounds ?? 2;
  // Both cores encrypt: the main thread mostly waits on sockets, so a worker per core pays.
  const encryptionThreads = options.encryptionThreads ?? Math.max(1, availableParallelism());
  return {
    name: 'push',
    async run(): Promise<BenchResult[]> {
      const dir = mkdtempSync(join(tmpdir(), 'bench-push-'));
      const receiver = startHelper(new URL('./processes/push-receiver-process.ts', import.meta.url));
      try {
        const { cert, subscriptions: all } = await receiver.request<{
          cert: string;
          subscriptions: Subscription[];
        }>({ type: 'start', tls: true, subscriptions: count });
        writeFileSync(join(dir, 'ca.pem'), cert);
        const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem') };
        const vapid = { subject: 'mailto:bench@club.example', ...generateVapidKeys() };

        const run = async (mode: 'pooled' | 'naive', subscriptions: Subscription[]) => {
          const before = await receiver.request<ReceiverStats>({ type: 'reset' });
          const sender = startHelper(new URL('./processes/push-sender-process.ts', import.meta.url), env);
          try {
            const result = await sender.request<SendResult>({
              mode,
              subscriptions,
              message: MESSAGE,
              vapid,
              encryptionThreads,
            });
            const after = await receiver.request<ReceiverStats>({ type: 'stats' });
            return {
              ...result,
              received: after.received,
              connections: after.connections - before.connections,
              tokens: after.tokens - before.tokens,
              perS: (result.delivered / result.ms) * 1000,
              senderCpuUs: (result.cpuMs * 1000) / result.delivered,
              receiverCpuUs: ((after.cpuMs - before.cpuMs) * 1000) / result.delivered,
            };
          } finally {
            await sender.stop();
          }
        };
        const pooledRuns: Awaited<ReturnType<typeof run>>[] = [];
        const naiveRuns: Awaited<ReturnType<typeof run>>[] = [];
        for (let round = 0; round < rounds; round++) {
          pooledRuns.push(await run('pooled', all));
          naiveRuns.push(await run('naive', all.slice(0, naiveCount)));
        }
        const middle = <T extends { perS: number }>(runs: T[]): T =>
          [...runs].sort((a, b) => a.perS - b.perS)[Math.floor((runs.length - 1) / 2)]!;
        const pooled = middle(pooledRuns);
        const naive = middle(naiveRuns);
        const ratio = median(pooledRuns.map((p, i) => p.perS / naiveRuns[i]!.perS));

        return [
          {
            key: 'push.per_s',
            label: `Web Push throughput, pooled sender, ${count} subscriptions (https loopback receiver)`,
            value: Math.round(median(pooledRuns.map((r) => r.perS))),
            unit: 'notifications/s',
            target: { op: '>=', value: 4000 },
            detail: {
              encryptionThreads,
              rounds,
              worstPerS: Math.round(Math.min(...pooledRuns.map((r) => r.perS))),
              delivered: pooled.delivered,
              received: pooled.received,
              ms: Math.round(pooled.ms),
              connections: pooled.connections,
              jwtsSigned: pooled.tokens,
              senderCpuUsPerPush: Math.round(pooled.senderCpuUs),
              receiverCpuUsPerPush: Math.round(pooled.receiverCpuUs),
            },
          },
          {
            key: 'push.naive_per_s',
            label: `Web Push throughput, naive Promise.all(sendNotification), ${naiveCount} subscriptions, alternating with the pooled rounds`,
            value: Math.round(median(naiveRuns.map((r) => r.perS))),
            unit: 'notifications/s',
            detail: {
              delivered: naive.delivered,
              received: naive.received,
              ms: Math.round(naive.ms),
              connections: naive.connections,
              jwtsSigned: naive.tokens,
              senderCpuUsPerPush: Math.round(naive.senderCpuUs),
              receiverCpuUsPerPush: Math.round(naive.receiverCpuUs),
            },
          },
          {
            key: 'push.ratio_vs_naive',
            label: 'Pooled sender throughput ÷ naive throughput (median of alternating round pairs)',
            value: Math.round(ratio * 100) / 100,
            unit: '×',
            target: { op: '>=', value: 3 },
          },
        ];
      } finally {
        await receiver.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
