import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogFlusher } from './log-flusher.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'log-flusher-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the log flusher', () => {
  it('makes a burst of callers share one fsync, and the ones arriving during it share the next', async () => {
    const path = join(dir, 'log');
    await writeFile(path, 'first');
    const flusher = createLogFlusher(path);
    const syncsSeen = (): Promise<number> => flusher.flush().then(() => flusher.syncs);
    const burst = Array.from({ length: 50 }, syncsSeen);
    await appendFile(path, 'second');
    // Written after the first sync may have started: these must wait for one that starts later.
    const late = Array.from({ length: 50 }, syncsSeen);
    // However the first sync and the append interleave, a late caller waits for a sync begun
    // after its call (the second or, if the second was already running, the third).
    expect((await Promise.all(late)).every((seen) => seen >= 2)).toBe(true);
    expect((await Promise.all(burst)).every((seen) => seen >= 1)).toBe(true);
    // A hundred callers in two waves, at most two fsyncs a wave (the one running when a caller
    // arrives, and the one it waits for), not one a caller.
    const shared = flusher.syncs;
    expect(shared).toBeLessThanOrEqual(4);
    await flusher.flush();
    expect(flusher.syncs).toBe(shared + 1);
    await flusher.close();
  });

  it('fails the callers when the file cannot be synced, and syncs it once it exists', async () => {
    const path = join(dir, 'log');
    const flusher = createLogFlusher(path);
    await expect(flusher.flush()).rejects.toThrow(/ENOENT/);
    await writeFile(path, 'now it exists');
    await flusher.flush();
    expect(flusher.syncs).toBe(1);
    await flusher.close();
  });
});
