import {
  applyScorecardDiff,
  compareScorecards,
  LiveDiffMessage,
  type BroadcastBatch,
  type LiveScorecardMessage,
  type Scorecard,
} from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import type { BroadcastWatermark, ScorecardPosition } from '../ports/broadcast-watermark.ts';
import type { ConnectionSendOutcome, ConnectionSender, ConnectionStore } from '../ports/connections.ts';
import { scorecardAt } from '../testing/delivery-fixtures.ts';
import { broadcastScorecard, deliverBroadcastBatch } from './broadcast-scorecard.ts';
import { liveMessageFor } from './live-message.ts';

/** Connections that answer as scripted: `gone`, or `failed` a number of times before `sent`. */
function scriptedConnections(count: number, script: Record<string, ConnectionSendOutcome | number> = {}) {
  const ids = new Set(Array.from({ length: count }, (_, i) => `c${i}`));
  const received = new Map<string, string[]>();
  const failuresLeft = new Map(
    Object.entries(script).filter(([, v]) => typeof v === 'number') as [string, number][],
  );
  const store: ConnectionStore = {
    add: async (c) => void ids.add(c.connectionId),
    remove: async (id) => void ids.delete(id),
    listPage: async (cursor, limit = 1000) => {
      const all = [...ids].map((connectionId) => ({ connectionId, connectedAt: '2025-06-14T12:00:00Z' }));
      const start = Number(cursor ?? 0);
      return {
        connections: all.slice(start, start + limit),
        ...(start + limit < all.length ? { cursor: String(start + limit) } : {}),
      };
    },
  };
  const sender: ConnectionSender = {
    send: async (id, data) => {
      if (script[id] === 'gone') return 'gone';
      const left = failuresLeft.get(id) ?? 0;
      if (left > 0) {
        failuresLeft.set(id, left - 1);
        return 'failed';
      }
      received.set(id, [...(received.get(id) ?? []), data]);
      return 'sent';
    },
  };
  return { ids, store, sender, received };
}

/** The port's contract in a few lines: one mark per match, moved only forwards. */
function memoryWatermark(): BroadcastWatermark & { marks: Map<string, ScorecardPosition> } {
  const marks = new Map<string, ScorecardPosition>();
  return {
    marks,
    advance: async (matchId, position) => {
      const mark = marks.get(matchId);
      if (mark && compareScorecards(position, mark) < 0) return { advanced: false };
      marks.set(matchId, position);
      return { advanced: true };
    },
  };
}

const seqsReceived = (frames: string[] | undefined): number[] =>
  (frames ?? []).map((frame) => (JSON.parse(frame) as LiveScorecardMessage).scorecard.seq);

describe('broadcasting a scorecard', () => {
  it('sends every connection a { type: "scorecard" } frame, across pages', async () => {
    const { store, sender, received } = scriptedConnections(25);
    const card = scorecardAt(3, 1);
    const report = await broadcastScorecard(
      { connections: store, sender, watermark: memoryWatermark(), logger: createMemoryLogger() },
      card,
      { pageSize: 10 },
    );
    expect(report).toEqual({ outcome: 'broadcast', sent: 25, gone: 0, failed: 0, queuedBatches: 0 });
    expect(JSON.parse(received.get('c24')?.[0] ?? '')).toEqual({ type: 'scorecard', scorecard: card });
  });

  it('removes gone connections and retries other failures a few times', async () => {
    const { ids, store, sender, received } = scriptedConnections(4, { c1: 'gone', c2: 2, c3: 5 });
    const report = await broadcastScorecard(
      { connections: store, sender, watermark: memoryWatermark(), logger: createMemoryLogger() },
      scorecardAt(1, 0),
      { retryDelayMs: 1 },
    );
    expect(report).toEqual({ outcome: 'broadcast', sent: 2, gone: 1, failed: 1, queuedBatches: 0 });
    expect([...ids]).toEqual(['c0', 'c2', 'c3']);
    expect(received.has('c2')).toBe(true);
  });

  it('splits a broadcast past the inline limit into batches on the queue', async () => {
    const { store, sender, received } = scriptedConnections(2500);
    const batches: BroadcastBatch[] = [];
    const deps = {
      connections: store,
      sender,
      batches: { enqueue: async (b: BroadcastBatch[]) => void batches.push(...b) },
      watermark: memoryWatermark(),
      logger: createMemoryLogger(),
    };
    const report = await broadcastScorecard(deps, scorecardAt(2, 0), { inlineLimit: 2000, batchSize: 1000 });
    expect(report).toMatchObject({ outcome: 'broadcast', queuedBatches: 3 });
    expect(batches.map((b) => b.connectionIds.length)).toEqual([1000, 1000, 500]);
    expect(received.size).toBe(0);

    const delivered = await deliverBroadcastBatch(deps, batches[2]!);
    expect(delivered.sent).toBe(500);
    expect(received.get('c2499')?.[0]).toBe(batches[2]?.message);
  });
});

describe('broadcasting scorecards that arrive out of order', () => {
  it('never sends a page an older scorecard than one it has had, and resends a duplicate of the newest', async () => {
    const { store, sender, received } = scriptedConnections(3);
    const logger = createMemoryLogger();
    const deps = { connections: store, sender, watermark: memoryWatermark(), logger };
    const arrivals = [1, 3, 2, 3, 5, 4, 1, 5, 6];

    const outcomes = [];
    for (const seq of arrivals) outcomes.push((await broadcastScorecard(deps, scorecardAt(seq, 0))).outcome);

    expect(outcomes).toEqual([
      'broadcast',
      'broadcast',
      'stale',
      'broadcast',
      'broadcast',
      'stale',
      'stale',
      'broadcast',
      'broadcast',
    ]);
    for (const id of ['c0', 'c1', 'c2']) expect(seqsReceived(received.get(id))).toEqual([1, 3, 3, 5, 5, 6]);
    expect(
      logger.lines.filter(
        (l) => l.message === 'broadcast skipped: an older scorecard than the last one sent',
      ),
    ).toHaveLength(3);
  });

  it('orders by capture time before seq, so a restarted scraper counting from 0 again is not stale', async () => {
    const { store, sender, received } = scriptedConnections(1);
    const deps = { connections: store, sender, watermark: memoryWatermark(), logger: createMemoryLogger() };
    const before = scorecardAt(9, 0);
    const afterRestart = { ...scorecardAt(10, 0), seq: 0 };

    await broadcastScorecard(deps, before);
    await broadcastScorecard(deps, afterRestart);
    await broadcastScorecard(deps, before);

    expect(seqsReceived(received.get('c0'))).toEqual([9, 0]);
  });

  it('keeps each match to its own order', async () => {
    const { store, sender, received } = scriptedConnections(1);
    const deps = { connections: store, sender, watermark: memoryWatermark(), logger: createMemoryLogger() };

    await broadcastScorecard(deps, scorecardAt(5, 0));
    const otherMatch = await broadcastScorecard(deps, { ...scorecardAt(2, 0), matchId: '6999999' });

    expect(otherMatch.outcome).toBe('broadcast');
    expect(seqsReceived(received.get('c0'))).toEqual([5, 2]);
  });
});

describe('the live message', () => {
  const fetchUrl = () => '/api/scorecards/firstTeam';

  it('is the whole scorecard when it fits in a frame', () => {
    const card = scorecardAt(1, 0);
    expect(JSON.parse(liveMessageFor(card, { fetchUrl }))).toEqual({ type: 'scorecard', scorecard: card });
  });

  it('drops the batting and bowling tables of a scorecard over the limit, keeps the totals, and says where to fetch it', () => {
    const card = scorecardAt(1, 0);
    const huge = {
      ...card,
      innings: card.innings.map((i) => ({ ...i, batting: Array(400).fill(i.batting[0]!) })),
    };
    const message = liveMessageFor(huge, { fetchUrl, maxBytes: 16 * 1024 });
    const parsed = JSON.parse(message) as LiveScorecardMessage;
    expect(Buffer.byteLength(message)).toBeLessThanOrEqual(16 * 1024);
    expect(parsed.fetch).toBe('/api/scorecards/firstTeam');
    expect(parsed.scorecard.innings[0]?.batting).toEqual([]);
    expect(parsed.scorecard.innings[0]?.total).toEqual(card.innings[0]?.total);
  });

  it('sends each page only what changed since the scorecard the watermark held, in one message for all', async () => {
    const held: Scorecard[] = [];
    const watermark: BroadcastWatermark = {
      advance: async (_matchId, _position, scorecard) => {
        const previous = held.at(-1);
        if (scorecard) held.push(scorecard);
        return previous ? { advanced: true, previous } : { advanced: true };
      },
    };
    const connections = scriptedConnections(3);
    const deps = {
      connections: connections.store,
      sender: connections.sender,
      watermark,
      logger: createMemoryLogger(),
    };
    const [first, second] = [scorecardAt(1, 0), scorecardAt(2, 0)];
    await broadcastScorecard(deps, first);
    await broadcastScorecard(deps, second);
    const frames = [...connections.received.values()];
    expect(new Set(frames.map((f) => f.join('\n'))).size).toBe(1);
    const [full, diff] = frames[0]!.map((f) => JSON.parse(f));
    expect(full).toEqual({ type: 'scorecard', scorecard: first });
    const message = LiveDiffMessage.parse(diff);
    expect(message).toMatchObject({ base: { seq: 1, capturedAt: first.capturedAt }, seq: 2 });
    expect(applyScorecardDiff(first, message.changes)).toEqual(second);
  });
});
