import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createFileQueueStores } from './embedded-queue.ts';

const WRITER = fileURLToPath(new URL('./testing/queue-writer.ts', import.meta.url));
const Message = z.object({ seq: z.number().int() });

/** Runs the writer until it has acknowledged `atLeast` sends and a random moment more, then SIGKILLs it. */
function runAndKill(dir: string, first: number, atLeast: number, extraMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(first)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: number[] = [];
    let buffered = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += String(chunk);
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) if (line.startsWith('acked ')) acked.push(Number(line.slice(6)));
      if (acked.length >= atLeast && !killTimer) killTimer = setTimeout(() => child.kill('SIGKILL'), extraMs);
    });
    child.on('exit', () => resolve(acked));
  });
}

describe('the embedded queue killed with SIGKILL while writing', () => {
  it('keeps every acknowledged message, in files that always parse, round after round', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'queue-crash-'));
    const acknowledged: number[] = [];
    let next = 1;
    for (let round = 0; round < 8; round++) {
      const acked = await runAndKill(dir, next, 5, Math.floor(Math.random() * 120));
      acknowledged.push(...acked);
      next = Math.max(next, ...acked) + 1;
      // Whatever moment the kill came at, each file is whole: the old one or the new. A message
      // that was being received at five kills in a row is dead-lettered, as on SQS: still kept.
      const stores = createFileQueueStores(dir, 'crash', Message);
      const kept = new Set(
        [...(await stores.journal.read()), ...(await stores.deadLetters.read())].map(
          (entry) => entry.message.seq,
        ),
      );
      expect(
        acknowledged.filter((seq) => !kept.has(seq)),
        `round ${round}`,
      ).toEqual([]);
      next = Math.max(next, ...kept) + 1;
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    // Temp files of interrupted writes may remain; nothing else does.
    for (const name of await readdir(dir))
      expect(name).toMatch(/^crash\.(journal|dead-letters)\.json(\.\d+\.tmp)?$/);
    await rm(dir, { recursive: true, force: true });
    // Each round starts a process: on a busy machine that alone can take seconds.
  }, 240_000);
});
