import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryLogger } from '@live-scores/core';
import { afterEach, describe, expect, it } from 'vitest';
import { shuffled } from '../testing/scorecards.ts';
import { openLocalDatabase } from './database.ts';

const WRITER = fileURLToPath(new URL('./testing/busy-writer.ts', import.meta.url));
const KILLS = 12;
const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

/** Starts the writer; resolves once it has opened and recovered the database, with how long that took in it. */
function startWriter(
  dir: string,
  first: number,
  acked: Set<number>,
): Promise<{ child: ChildProcess; readyMs: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(WRITER, [dir, String(first)], { execArgv: ['--import', 'tsx'], stdio: 'pipe' });
    children.add(child);
    let buffered = '';
    child.on('error', reject);
    child.on('exit', () => children.delete(child));
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (buffered + chunk.toString()).split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [word, value] = line.split(' ');
        if (word === 'ack') acked.add(Number(value));
        if (word === 'ready') resolve({ child, readyMs: Number(value) });
      }
    });
  });
}

const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

describe('the database under kill -9', () => {
  it(`loses no acknowledged message, stays sound and reopens at once, killed ${KILLS} times mid-write`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sqlite-crash-'));
    try {
      const acked = new Set<number>();
      // Random moments, reproducibly: each run is killed this many ms after it first acknowledged.
      const delays = shuffled(
        Array.from({ length: KILLS }, (_, i) => 5 + i * 25),
        13,
      );
      const reopenMs: number[] = [];
      for (let round = 0; round < KILLS; round++) {
        const { child, readyMs } = await startWriter(dir, round * 1_000_000, acked);
        reopenMs.push(readyMs);
        const before = acked.size;
        await new Promise<void>((resolve) => {
          const check = setInterval(() => {
            if (acked.size > before) {
              clearInterval(check);
              setTimeout(resolve, delays[round]);
            }
          }, 2);
        });
        child.kill('SIGKILL');
        await exited(child);
      }

      const db = openLocalDatabase(dir, { logger: createMemoryLogger() });
      try {
        expect(db.integrityCheck()).toBe('ok');
        const queued = new Set(
          (
            db.sql
              .prepare("SELECT body FROM queue_messages WHERE queue = 'crash-test'")
              .pluck()
              .all() as string[]
          ).map(Number),
        );
        const stored = new Set(
          (db.sql.prepare('SELECT endpoint FROM subscriptions').pluck().all() as string[]).map((e) =>
            Number(e.split('/').at(-1)),
          ),
        );
        const lost = [...acked].filter((n) => !queued.has(n) && !stored.has(n));
        expect(acked.size).toBeGreaterThan(KILLS);
        expect(lost).toEqual([]);
      } finally {
        db.close();
      }
      // Opening the database after a kill and recovering its queue, in the restarted process.
      expect(Math.max(...reopenMs)).toBeLessThan(5_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
