import { LiveOversMessage, type OverHistory, type StoredOverHistory } from '@live-scores/schema';
import { ballsUpTo, scorecardAfterBall } from '@live-scores/test-support';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import type { BroadcastQueue } from '../ports/broadcast-queue.ts';
import type { ConnectionSender, ConnectionStore } from '../ports/connections.ts';
import type { OverHistoryStore } from '../ports/over-history-store.ts';
import { MATCH_ID } from '../testing/delivery-fixtures.ts';
import { OverHistoryContention, recordOvers } from './record-overs.ts';

/** The port's contract in a few lines: a version per match, a save against another version refused. */
function memoryStore(): OverHistoryStore & { saves: StoredOverHistory[] } {
  const rows = new Map<string, { stored: StoredOverHistory; version: number }>();
  const saves: StoredOverHistory[] = [];
  // A turn of the event loop in each call, so concurrent folds really interleave.
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  return {
    saves,
    async load(matchId) {
      await turn();
      const row = rows.get(matchId);
      return row && { ...structuredClone(row.stored), version: String(row.version) };
    },
    async save(stored, expectedVersion) {
      await turn();
      const row = rows.get(stored.history.matchId);
      if ((row && String(row.version)) !== expectedVersion) return 'conflict';
      rows.set(stored.history.matchId, { stored: structuredClone(stored), version: (row?.version ?? 0) + 1 });
      saves.push(stored);
      return 'saved';
    },
  };
}

/** `count` open pages that keep every frame they are sent. */
function pages(count: number) {
  const frames = new Map<string, string[]>();
  const connections: ConnectionStore = {
    add: async () => undefined,
    remove: async () => undefined,
    listPage: async () => ({
      connections: Array.from({ length: count }, (_, i) => ({
        connectionId: `c${i}`,
        connectedAt: '2025-06-14T12:00:00Z',
      })),
    }),
  };
  const sender: ConnectionSender = {
    send: async (id, data) => {
      frames.set(id, [...(frames.get(id) ?? []), data]);
      return 'sent';
    },
  };
  const received = (id: string): OverHistory[] =>
    (frames.get(id) ?? []).map((frame) => LiveOversMessage.parse(JSON.parse(frame)).history);
  return { connections, sender, received };
}

function setup(pageCount = 2) {
  const store = memoryStore();
  const live = pages(pageCount);
  const deps = { store, connections: live.connections, sender: live.sender, logger: createMemoryLogger() };
  const record = (ball: number) => recordOvers(deps, scorecardAfterBall(ball), { maxAttempts: 50 });
  const history = async () => (await store.load(MATCH_ID))?.history;
  return { store, live, deps, record, history };
}

const provenOvers = (history: OverHistory | undefined): number[] =>
  (history?.innings[0]?.overs ?? []).flatMap((slot) => ('gap' in slot ? [] : [slot.over]));

describe('recording the over history', () => {
  it('folds each scorecard in, stores the history and sends it to every page as { type: "overs" }', async () => {
    const { record, history, live } = setup();
    for (const ball of ballsUpTo(8)) await record(ball);

    const stored = await history();
    expect(stored?.innings[0]?.overs).toEqual([{ over: 1, runs: 6, wickets: 0 }]);
    expect(stored?.innings[0]?.thisOver).toMatchObject({ over: 2, fromStart: true });
    expect(stored?.upTo).toEqual({ capturedAt: scorecardAfterBall(8).capturedAt, seq: 8 });
    expect(live.received('c0')).toHaveLength(8);
    expect(live.received('c1').at(-1)).toEqual(stored);
  });

  it('does nothing for a scorecard it already folded in: no write, nothing sent', async () => {
    const { record, store, live } = setup();
    await record(1);
    await record(2);

    expect(await record(2)).toEqual({ outcome: 'unchanged', attempts: 1 });
    expect(await record(1)).toEqual({ outcome: 'unchanged', attempts: 1 });
    expect(store.saves).toHaveLength(2);
    expect(live.received('c0')).toHaveLength(2);
  });

  it('ends with the same history whatever order the scorecards arrive in, never losing a proven over', async () => {
    const inOrder = setup();
    for (const ball of ballsUpTo(20)) await inOrder.record(ball);

    const shuffled = setup();
    let proven: number[] = [];
    for (const ball of [7, 3, 13, 12, 1, 20, 6, 2, 18, 5, 11, 4, 19, 8, 15, 9, 17, 10, 16, 14, 12, 6]) {
      await shuffled.record(ball);
      const now = provenOvers(await shuffled.history());
      expect(now).toEqual(expect.arrayContaining(proven));
      proven = now;
    }

    expect(await shuffled.history()).toEqual(await inOrder.history());
    expect(provenOvers(await inOrder.history())).toEqual([1, 2, 3]);
  });

  it('lets a late scorecard fill a gap, and sends the filled history although nothing newer came', async () => {
    const { record, history, live } = setup();
    for (const ball of [4, 5, 8]) await record(ball);
    expect((await history())?.innings[0]?.overs).toEqual([{ over: 1, gap: true }]);

    expect(await record(6)).toMatchObject({ outcome: 'recorded', broadcast: { sent: 2 } });

    expect((await history())?.innings[0]?.overs).toEqual([{ over: 1, runs: 6, wickets: 0 }]);
    expect((await history())?.upTo.seq).toBe(8);
    expect(live.received('c0').at(-1)?.innings[0]?.overs).toEqual([{ over: 1, runs: 6, wickets: 0 }]);
  });

  it('stores a late scorecard that may prove an over later, without sending pages the same history', async () => {
    const { record, store, live } = setup();
    for (const ball of [4, 8]) await record(ball);

    expect(await record(5)).toEqual({ outcome: 'recorded', attempts: 1 });

    expect(store.saves).toHaveLength(3);
    expect(live.received('c0')).toHaveLength(2);
  });

  it('stores a capture with no new ball (upTo moves on) without sending pages what they already show', async () => {
    const { record, deps, history, live } = setup();
    await record(3);
    const again = { ...scorecardAfterBall(3), seq: 4, capturedAt: scorecardAfterBall(4).capturedAt };

    expect(await recordOvers(deps, again)).toEqual({ outcome: 'recorded', attempts: 1 });

    expect((await history())?.upTo.seq).toBe(4);
    expect(live.received('c0')).toHaveLength(1);
  });

  it('loses nothing when two consumers fold scorecards of one match at the same time', async () => {
    const inOrder = setup();
    for (const ball of ballsUpTo(24)) await inOrder.record(ball);

    const racing = setup();
    const odd = ballsUpTo(24).filter((b) => b % 2 === 1);
    const even = ballsUpTo(24).filter((b) => b % 2 === 0);
    const consumer = async (balls: number[]) => {
      const outcomes = [];
      for (const ball of balls) outcomes.push(await racing.record(ball));
      return outcomes;
    };
    const outcomes = (await Promise.all([consumer(odd), consumer(even)])).flat();

    expect(outcomes.some((o) => o.attempts > 1)).toBe(true);
    expect(await racing.history()).toEqual(await inOrder.history());
  });

  it('gives up with an error when the stored history keeps changing under it', async () => {
    const { deps } = setup();
    const contended = { ...deps, store: { ...deps.store, save: async () => 'conflict' as const } };
    await expect(recordOvers(contended, scorecardAfterBall(1), { maxAttempts: 3 })).rejects.toThrow(
      OverHistoryContention,
    );
  });

  it('splits the send to a large audience into batches on the broadcast queue', async () => {
    const { deps } = setup(5);
    const queued: string[][] = [];
    const batches: BroadcastQueue = {
      enqueue: async (list) => void queued.push(...list.map((b) => b.connectionIds)),
    };
    const outcome = await recordOvers({ ...deps, batches }, scorecardAfterBall(1), {
      broadcast: { inlineLimit: 3, batchSize: 2 },
    });

    expect(outcome).toMatchObject({ outcome: 'recorded', broadcast: { sent: 0, queuedBatches: 3 } });
    expect(queued).toEqual([['c0', 'c1'], ['c2', 'c3'], ['c4']]);
  });
});
