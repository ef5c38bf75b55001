import { createMemoryIdempotencyStore } from '@live-scores/local';
import { describe, expect, it } from 'vitest';
import { runOnce, WorkInProgress } from './run-once.ts';

describe('running work once per key', () => {
  it('runs the work, completes the key, and skips the work the next time', async () => {
    const store = createMemoryIdempotencyStore();
    let runs = 0;
    const work = async () => ++runs;
    expect(await runOnce(store, 'fanout:e1', 60_000, work)).toEqual({ kind: 'ran', result: 1 });
    expect(await runOnce(store, 'fanout:e1', 60_000, work)).toEqual({ kind: 'already-done' });
    expect(runs).toBe(1);
  });

  it('gives the key back when the work fails, so the retry runs it', async () => {
    const store = createMemoryIdempotencyStore();
    await expect(
      runOnce(store, 'job:e1#0@0', 60_000, async () => {
        throw new Error('push service down');
      }),
    ).rejects.toThrow('push service down');
    expect(await runOnce(store, 'job:e1#0@0', 60_000, async () => 'sent')).toEqual({
      kind: 'ran',
      result: 'sent',
    });
  });

  it('refuses, without running it, work whose key another worker holds', async () => {
    const store = createMemoryIdempotencyStore();
    await store.begin('job:e1#0@0', 60_000);
    let ran = false;
    const attempt = runOnce(store, 'job:e1#0@0', 60_000, async () => (ran = true));
    await expect(attempt).rejects.toThrow(new WorkInProgress('job:e1#0@0'));
    expect(ran).toBe(false);
  });
});
