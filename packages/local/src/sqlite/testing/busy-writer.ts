/**
 * A process that writes without pause until it is killed: it enqueues numbered messages
 * (printing each number once `send` resolved, i.e. acknowledged) while a consumer turns
 * each message into a stored subscription and acknowledges it. The crash test kills it at
 * random moments and checks every acknowledged number survived, as a message or as its effect.
 */
import { createMemoryLogger } from '@live-scores/core';
import { z } from 'zod';
import { openLocalDatabase } from '../database.ts';
import { createSqliteQueue, schemaCodec } from '../sqlite-queue.ts';
import { createSqliteSubscriptionStore } from '../sqlite-subscriptions.ts';

const [dir, firstArg] = process.argv.slice(2);
const started = performance.now();
const db = openLocalDatabase(dir!, { logger: createMemoryLogger() });
const subscriptions = createSqliteSubscriptionStore(db);
const keys = {
  p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 3)]).toString('base64url'),
  auth: Buffer.alloc(16, 4).toString('base64url'),
};
const queue = createSqliteQueue<number>(db, {
  name: 'crash-test',
  logger: createMemoryLogger(),
  codec: schemaCodec(z.number().int()),
  concurrency: 4,
  handler: async (n) => {
    await subscriptions.put({ endpoint: `https://fcm.googleapis.com/fcm/send/${n}`, keys });
  },
});
// Committed after the queue's recovery of the killed run's deliveries: the store is back.
await db.write(() => undefined);
process.stdout.write(`ready ${Math.round(performance.now() - started)}\n`);
for (let n = Number(firstArg); ; n += 5) {
  await Promise.all(
    [0, 1, 2, 3, 4].map(async (i) => {
      await queue.send(n + i);
      process.stdout.write(`ack ${n + i}\n`);
    }),
  );
}
