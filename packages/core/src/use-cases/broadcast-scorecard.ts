import type { BroadcastBatch, Scorecard } from '@live-scores/schema';
import { chunk, mapWithConcurrency, sleep } from '../concurrency.ts';
import type { Logger } from '../logger.ts';
import type { BroadcastQueue } from '../ports/broadcast-queue.ts';
import type { BroadcastWatermark } from '../ports/broadcast-watermark.ts';
import type { ConnectionSender, ConnectionStore } from '../ports/connections.ts';
import { defaultScorecardUrl, liveMessageFor } from './live-message.ts';

export interface BroadcastDeps {
  connections: ConnectionStore;
  sender: ConnectionSender;
  /** Keeps a late or redelivered scorecard from replacing a newer one on the pages. */
  watermark: BroadcastWatermark;
  /** Without a queue every broadcast is delivered inline, however large. */
  batches?: BroadcastQueue;
  logger: Logger;
}

export interface BroadcastOptions {
  /** Sends in flight at once. */
  concurrency?: number;
  /** Past this many connections the work is split into batches on the queue. */
  inlineLimit?: number;
  /** Connections per queued batch. */
  batchSize?: number;
  /** Tries per connection for failures that are not `gone`. */
  attempts?: number;
  retryDelayMs?: number;
  pageSize?: number;
  fetchUrl?: (scorecard: Scorecard) => string;
}

export interface BroadcastReport {
  sent: number;
  gone: number;
  failed: number;
  /** Batches handed to the queue instead of sent here. */
  queuedBatches: number;
}

/** `stale`: an older scorecard than one already broadcast for the match, so nothing was sent. */
export type BroadcastOutcome = ({ outcome: 'broadcast' } & BroadcastReport) | { outcome: 'stale' };

const DEFAULTS = {
  concurrency: 50,
  inlineLimit: 2000,
  batchSize: 1000,
  attempts: 3,
  retryDelayMs: 100,
  pageSize: 1000,
};

async function allConnectionIds(connections: ConnectionStore, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await connections.listPage(cursor, pageSize);
    for (const c of page.connections) ids.push(c.connectionId);
    cursor = page.cursor;
  } while (cursor);
  return ids;
}

/**
 * Sends one serialized frame to each connection: a gone connection is removed, any other
 * failure is retried a few times and then counted (the page resyncs when it reconnects).
 */
export async function deliverToConnections(
  deps: Pick<BroadcastDeps, 'connections' | 'sender'>,
  message: string,
  connectionIds: readonly string[],
  options: BroadcastOptions = {},
): Promise<BroadcastReport> {
  const { concurrency, attempts, retryDelayMs } = { ...DEFAULTS, ...options };
  const report: BroadcastReport = { sent: 0, gone: 0, failed: 0, queuedBatches: 0 };
  await mapWithConcurrency(connectionIds, concurrency, async (connectionId) => {
    for (let attempt = 1; ; attempt++) {
      const outcome = await deps.sender.send(connectionId, message);
      if (outcome === 'sent') return void report.sent++;
      if (outcome === 'gone') {
        await deps.connections.remove(connectionId);
        return void report.gone++;
      }
      if (attempt >= attempts) return void report.failed++;
      await sleep(retryDelayMs * attempt);
    }
  });
  return report;
}

/**
 * Each new scorecard → every live page, as one message serialized once: a `{ type: "diff" }`
 * from the match's last broadcast scorecard when the watermark kept it, otherwise
 * `{ type: "scorecard", scorecard }`. One older than the match's last broadcast is dropped
 * (pages never go backwards); the same one again is sent again in full, which is harmless.
 */
export async function broadcastScorecard(
  deps: BroadcastDeps,
  scorecard: Scorecard,
  options: BroadcastOptions = {},
): Promise<BroadcastOutcome> {
  const position = { capturedAt: scorecard.capturedAt, seq: scorecard.seq };
  const move = await deps.watermark.advance(scorecard.matchId, position, scorecard);
  if (!move.advanced) {
    deps.logger.info('broadcast skipped: an older scorecard than the last one sent', {
      matchId: scorecard.matchId,
      teamId: scorecard.teamId,
      ...position,
    });
    return { outcome: 'stale' };
  }
  const message = liveMessageFor(scorecard, {
    fetchUrl: options.fetchUrl ?? defaultScorecardUrl,
    ...(move.previous ? { previous: move.previous } : {}),
  });
  const report = await broadcastFrame(
    deps,
    { matchId: scorecard.matchId, teamId: scorecard.teamId, message },
    options,
  );
  return { outcome: 'broadcast', ...report };
}

/** One serialized live frame about a match, for every open page. */
export interface LiveFrame {
  matchId: string;
  teamId: string;
  message: string;
}

/**
 * Sends one frame to every live-page connection: inline, or past `inlineLimit` connections
 * split into batches on the queue (when there is one), which the broadcast-batch consumer sends.
 */
export async function broadcastFrame(
  deps: Omit<BroadcastDeps, 'watermark'>,
  frame: LiveFrame,
  options: BroadcastOptions = {},
): Promise<BroadcastReport> {
  const settings = { ...DEFAULTS, ...options };
  const ids = await allConnectionIds(deps.connections, settings.pageSize);
  const log = { matchId: frame.matchId, teamId: frame.teamId, connections: ids.length };

  if (deps.batches && ids.length > settings.inlineLimit) {
    const batches: BroadcastBatch[] = chunk(ids, settings.batchSize).map((connectionIds) => ({
      ...frame,
      connectionIds,
    }));
    await deps.batches.enqueue(batches);
    deps.logger.info('broadcast split into batches', { ...log, batches: batches.length });
    return { sent: 0, gone: 0, failed: 0, queuedBatches: batches.length };
  }

  const report = await deliverToConnections(deps, frame.message, ids, settings);
  deps.logger.info('broadcast delivered', { ...log, ...report });
  return report;
}

/** One queued slice of a large broadcast, already admitted by the watermark when it was split. */
export async function deliverBroadcastBatch(
  deps: Pick<BroadcastDeps, 'connections' | 'sender' | 'logger'>,
  batch: BroadcastBatch,
  options: BroadcastOptions = {},
): Promise<BroadcastReport> {
  const report = await deliverToConnections(deps, batch.message, batch.connectionIds, options);
  deps.logger.info('broadcast batch delivered', { matchId: batch.matchId, teamId: batch.teamId, ...report });
  return report;
}
