import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '@live-scores/core';
import { Scorecard } from '@live-scores/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmbeddedQueue, createFileQueueStores, type EmbeddedQueue } from './embedded-queue.ts';
import { createEmbeddedScorecardTopic, gameOverFilter } from './embedded-scorecard-topic.ts';
import { scorecard } from './testing/scorecards.ts';

const fast = { firstMs: 5, maxMs: 20 };
let dir: string;
const open: EmbeddedQueue<unknown>[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'queues-'));
});
afterEach(async () => {
  for (const q of open.splice(0)) q.close();
  await rm(dir, { recursive: true, force: true });
});

function track<T>(queue: EmbeddedQueue<T>): EmbeddedQueue<T> {
  open.push(queue as EmbeddedQueue<unknown>);
  return queue;
}

describe('the embedded queue', () => {
  it('dead-letters a message that stops the process on every delivery, counting receives across restarts', async () => {
    const stores = () => createFileQueueStores(dir, 'poison', Scorecard);
    const logger = createMemoryLogger();
    const started: number[] = [];
    // Each run receives the message and never finishes it: the process dies mid-delivery.
    const run = () =>
      createEmbeddedQueue<Scorecard>({
        name: 'poison',
        logger,
        maxReceives: 3,
        ...stores(),
        handler: () => {
          started.push(Date.now());
          return new Promise<void>(() => undefined);
        },
      });
    let queue = run();
    await queue.send(scorecard({ seq: 1 }));
    for (let restart = 1; restart <= 3; restart++) {
      await vi.waitFor(async () => expect((await stores().journal.read())[0]?.receiveCount).toBe(restart));
      queue.close();
      queue = run();
    }
    await queue.idle();
    expect(started).toHaveLength(3);
    expect(await stores().journal.read()).toEqual([]);
    const [dead] = await queue.deadLetters();
    expect(dead).toMatchObject({ queue: 'poison', receiveCount: 3, message: scorecard({ seq: 1 }) });
    expect(dead!.reason).toMatch(/process stopped during each/);
    queue.close();
  });

  it('redelivers a failed message with backoff until it succeeds', async () => {
    let calls = 0;
    const queue = track(
      createEmbeddedQueue<number>({
        name: 'flaky',
        logger: createMemoryLogger(),
        backoff: fast,
        handler: async () => {
          if (++calls < 3) throw new Error('not yet');
        },
      }),
    );
    await queue.send(1);
    await queue.idle();
    expect(calls).toBe(3);
    expect(await queue.deadLetters()).toEqual([]);
  });

  it('dead-letters a message after the receive limit with its reason, and goes on with the next', async () => {
    const done: number[] = [];
    const logger = createMemoryLogger();
    const queue = track(
      createEmbeddedQueue<number>({
        name: 'parse',
        logger,
        maxReceives: 3,
        backoff: fast,
        handler: async (n) => {
          if (n === 13) throw Object.assign(new Error('bad page'), { reason: 'no scorecard tab' });
          done.push(n);
        },
      }),
    );
    await queue.send(13);
    await queue.send(14);
    expect(queue.depth()).toBe(2);
    await queue.idle();

    expect(done).toEqual([14]);
    expect(queue.depth()).toBe(0);
    expect(await queue.deadLetters()).toEqual([
      {
        queue: 'parse',
        message: 13,
        reason: 'no scorecard tab',
        receiveCount: 3,
        deadAt: expect.any(String),
      },
    ]);
    expect(logger.lines.filter((l) => l.message === 'message dead-lettered')).toHaveLength(1);
  });

  it('survives a restart: what was accepted but not done is delivered by the next run', async () => {
    const stores = () => createFileQueueStores(dir, 'store', Scorecard);
    const stuck = track(
      createEmbeddedQueue<Scorecard>({
        name: 'store',
        logger: createMemoryLogger(),
        ...stores(),
        handler: () => new Promise(() => undefined),
      }),
    );
    await stuck.send(scorecard({ seq: 4 }));
    stuck.close();

    const delivered: number[] = [];
    const next = track(
      createEmbeddedQueue<Scorecard>({
        name: 'store',
        logger: createMemoryLogger(),
        ...stores(),
        handler: async (s) => void delivered.push(s.seq),
      }),
    );
    await next.idle();
    expect(delivered).toEqual([4]);
    expect(await stores().journal.read()).toEqual([]);
  });
});

describe('the embedded scorecard topic', () => {
  it('gives every subscribed queue its own copy, and the game-over queues only final scorecards', async () => {
    const topic = createEmbeddedScorecardTopic();
    const seen: Record<string, number[]> = { store: [], cms: [] };
    const queue = (name: 'store' | 'cms') =>
      track(
        createEmbeddedQueue<Scorecard>({
          name,
          logger: createMemoryLogger(),
          handler: async (s) => {
            seen[name]!.push(s.seq);
            s.seq = -1;
          },
        }),
      );
    const store = queue('store');
    const cms = queue('cms');
    topic.subscribe(store);
    topic.subscribe(cms, gameOverFilter);

    await topic.publish(scorecard({ seq: 1 }));
    await topic.publish(scorecard({ seq: 2, status: 'complete', result: 'MATCH TIED' }));
    await Promise.all([store.idle(), cms.idle()]);

    expect(seen).toEqual({ store: [1, 2], cms: [2] });
    expect(await topic.stats()).toEqual([
      { queue: 'store', depth: 0, deadLetters: 0 },
      { queue: 'cms', depth: 0, deadLetters: 0 },
    ]);
  });
});
