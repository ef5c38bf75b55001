/**
 * A process whose consumer kills it (SIGKILL) on every delivery of its one message: how the
 * queue tests prove receive counts survive a crash. `send` also enqueues the message first.
 */
import { createMemoryLogger } from '@live-scores/core';
import { z } from 'zod';
import { openLocalDatabase } from '../database.ts';
import { createSqliteQueue, schemaCodec } from '../sqlite-queue.ts';

const [dir, mode] = process.argv.slice(2);
const db = openLocalDatabase(dir!, { logger: createMemoryLogger() });
const queue = createSqliteQueue<string>(db, {
  name: 'poison',
  logger: createMemoryLogger(),
  codec: schemaCodec(z.string()),
  maxReceives: 3,
  handler: async () => void process.kill(process.pid, 'SIGKILL'),
});
if (mode === 'send') await queue.send('poison pill');
await queue.idle();
queue.close();
db.close();
