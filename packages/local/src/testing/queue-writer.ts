// A process that sends numbered messages to a file-backed embedded queue as fast as it can
// and prints "acked N" once each send has resolved, so a test can SIGKILL it mid-write and
// then check that every acknowledged message is still in the journal.
//
//   node --import tsx queue-writer.ts <dir> <first-seq>
import { createMemoryLogger } from '@live-scores/core';
import { z } from 'zod';
import { createEmbeddedQueue, createFileQueueStores } from '../embedded-queue.ts';

const [dir, first] = process.argv.slice(2) as [string, string];
const BURST = 12;
const Message = z.object({ seq: z.number().int() });
const queue = createEmbeddedQueue<z.infer<typeof Message>>({
  name: 'crash',
  logger: createMemoryLogger(),
  ...createFileQueueStores(dir, 'crash', Message),
  // Every message is received (its receive count written) and never finished, so the journal
  // keeps being rewritten while sends go on.
  handler: () => new Promise<void>(() => undefined),
  concurrency: 4,
});
// A bounded burst per run keeps the journal small; the kill lands during the sends or the
// receive-count writes that follow them.
for (let seq = Number(first); seq < Number(first) + BURST; seq++) {
  await queue.send({ seq });
  process.stdout.write(`acked ${seq}\n`);
}
