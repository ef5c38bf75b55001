import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileIdempotencyStore, createMemoryIdempotencyStore } from './idempotency-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'local-idempotency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function clock(start = Date.parse('2025-06-14T13:00:00.000Z')) {
  let at = start;
  return { now: () => at, advance: (ms: number) => void (at += ms) };
}

describe('the local idempotency store', () => {
  it('starts a new key, answers in-progress while the lease lives, and completed once done', async () => {
    const store = createMemoryIdempotencyStore();
    expect(await store.begin('job:e1#0@0', 60_000)).toBe('started');
    expect(await store.begin('job:e1#0@0', 60_000)).toBe('in-progress');
    await store.complete('job:e1#0@0');
    expect(await store.begin('job:e1#0@0', 60_000)).toBe('completed');
  });

  it('lets the next delivery start again after a release', async () => {
    const store = createMemoryIdempotencyStore();
    await store.begin('fanout:e1', 60_000);
    await store.release('fanout:e1');
    expect(await store.begin('fanout:e1', 60_000)).toBe('started');
  });

  it('never releases a completed key', async () => {
    const store = createMemoryIdempotencyStore();
    await store.begin('fanout:e1', 60_000);
    await store.complete('fanout:e1');
    await store.release('fanout:e1');
    expect(await store.begin('fanout:e1', 60_000)).toBe('completed');
  });

  it('takes over a lease that ran out', async () => {
    const time = clock();
    const store = createMemoryIdempotencyStore({ now: time.now });
    await store.begin('fanout:e1', 60_000);
    time.advance(59_999);
    expect(await store.begin('fanout:e1', 60_000)).toBe('in-progress');
    time.advance(1);
    expect(await store.begin('fanout:e1', 60_000)).toBe('started');
  });

  it('starts exactly one of many concurrent begins of one key', async () => {
    const store = createMemoryIdempotencyStore();
    const answers = await Promise.all(Array.from({ length: 8 }, () => store.begin('job:e2#1@0', 60_000)));
    expect(answers.filter((a) => a === 'started')).toHaveLength(1);
    expect(answers.filter((a) => a === 'in-progress')).toHaveLength(7);
  });

  it('remembers completed keys across a restart and takes over leases of the earlier run', async () => {
    const path = join(dir, 'idempotency.json');
    const before = createFileIdempotencyStore(path);
    await before.begin('job:e3#0@0', 60_000);
    await before.complete('job:e3#0@0');
    await before.begin('job:e3#1@0', 60_000);

    const after = createFileIdempotencyStore(path);
    expect(await after.begin('job:e3#0@0', 60_000)).toBe('completed');
    expect(await after.begin('job:e3#1@0', 60_000)).toBe('started');
  });

  it('forgets completed keys once they are older than the retention', async () => {
    const time = clock();
    const store = createMemoryIdempotencyStore({ now: time.now, retainMs: 3_600_000 });
    await store.begin('fanout:old', 60_000);
    await store.complete('fanout:old');
    time.advance(3_600_000);
    await store.begin('fanout:new', 60_000);
    expect(await store.begin('fanout:old', 60_000)).toBe('started');
  });
});
