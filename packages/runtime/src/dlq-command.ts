import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createMemoryLogger } from '@live-scores/core';
import { DATABASE_FILE, type LocalDatabase } from '@live-scores/local';
import { isQueueName, QUEUE_NAMES, type QueueName } from './queues.ts';
import { DataDirInUseError, describeHolder, openRuntimeDatabase } from './runtime-database.ts';

export const DLQ_USAGE = `Usage: live-scores dlq list [QUEUE] [--data-dir DIR]
       live-scores dlq replay [QUEUE] [--data-dir DIR]

Dead letters are messages a consumer failed on ${'`maxReceives`'} times (the reason is kept).
  list     shows them, per queue: when, why, and which match
  replay   moves them back onto their queue; the runtime delivers them on its next start.
Both read the data dir's database, which the runtime holds while it runs: stop it first
(they refuse otherwise; /healthz shows the counts meanwhile). Consumers are idempotent, so
a replayed scorecard never notifies twice.

Queues: ${QUEUE_NAMES.join(', ')}
DIR defaults to DATA_DIR, else ./data.`;

export interface DlqCommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

interface StoredDeadLetter {
  queue: string;
  body: string;
  reason: string;
  receiveCount: number;
  deadAt: number;
}

const deadLettersOf = (db: LocalDatabase, queue: QueueName): StoredDeadLetter[] =>
  db.sql
    .prepare(
      `SELECT queue, body, reason, receive_count AS receiveCount, dead_at AS deadAt FROM queue_messages
       WHERE queue = ? AND dead_at IS NOT NULL ORDER BY dead_at, id`,
    )
    .all(queue) as StoredDeadLetter[];

function describe(letter: StoredDeadLetter): string {
  const m = JSON.parse(letter.body) as {
    matchId?: string;
    teamId?: string;
    seq?: number;
    event?: { id: string };
  };
  const what = m.event
    ? `event ${m.event.id}`
    : [m.matchId && `match ${m.matchId}`, m.teamId, m.seq !== undefined && `seq ${m.seq}`]
        .filter(Boolean)
        .join(' ');
  return `  ${new Date(letter.deadAt).toISOString()}  ${what || 'message'}  after ${letter.receiveCount} tries: ${letter.reason}`;
}

/** `live-scores dlq list|replay [queue]`: resolves with the exit status. */
export async function runDlqCommand(argv: string[], io?: Partial<DlqCommandIo>): Promise<number> {
  const out = io?.out ?? ((line: string) => void process.stdout.write(line + '\n'));
  const err = io?.err ?? ((line: string) => void process.stderr.write(line + '\n'));
  const env = io?.env ?? process.env;

  let values: { 'data-dir'?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    err(`live-scores dlq: ${(error as Error).message}\n\n${DLQ_USAGE}`);
    return 2;
  }
  if (values.help) {
    out(DLQ_USAGE);
    return 0;
  }
  const [action, queueArg, ...extra] = positionals;
  if ((action !== 'list' && action !== 'replay') || extra.length > 0) {
    err(`live-scores dlq: expected "list" or "replay"\n\n${DLQ_USAGE}`);
    return 2;
  }
  if (queueArg !== undefined && !isQueueName(queueArg)) {
    err(`live-scores dlq: unknown queue "${queueArg}" (queues: ${QUEUE_NAMES.join(', ')})`);
    return 2;
  }
  const dataDir = resolve(values['data-dir'] ?? env.DATA_DIR ?? 'data');
  const queues = queueArg ? [queueArg as QueueName] : QUEUE_NAMES;

  if (!existsSync(join(dataDir, DATABASE_FILE)) && !existsSync(join(dataDir, 'queues'))) {
    out(action === 'list' ? `no dead letters in ${dataDir}` : 'nothing to replay');
    return 0;
  }
  let db: LocalDatabase;
  try {
    db = await openRuntimeDatabase(dataDir, { logger: createMemoryLogger('dlq') });
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      err(
        `live-scores dlq: ${await describeHolder(dataDir)} is using ${dataDir}; stop it, ${action === 'list' ? 'list' : 'replay'}, then start it again`,
      );
      return 1;
    }
    err(`live-scores dlq: ${(error as Error).message}`);
    return 1;
  }

  try {
    if (action === 'list') {
      let total = 0;
      for (const queue of queues) {
        const letters = deadLettersOf(db, queue);
        if (letters.length === 0 && !queueArg) continue;
        total += letters.length;
        out(`${queue}: ${letters.length} dead letter(s)`);
        for (const letter of letters) out(describe(letter));
      }
      if (total === 0 && !queueArg) out(`no dead letters in ${dataDir}`);
      return 0;
    }

    let replayed = 0;
    const replay = db.sql.prepare(
      `UPDATE queue_messages SET dead_at = NULL, reason = NULL, receive_count = 0, leased = 0, visible_at = ?
       WHERE queue = ? AND dead_at IS NOT NULL`,
    );
    for (const queue of queues) {
      // One statement per queue: a message is dead or back on its queue, never both or neither.
      const count = await db.write(() => replay.run(Date.now(), queue).changes);
      if (count === 0) continue;
      replayed += count;
      out(`${queue}: ${count} message(s) back on the queue`);
    }
    out(
      replayed === 0
        ? 'nothing to replay'
        : `replayed ${replayed}; they are delivered when the runtime starts`,
    );
    return 0;
  } catch (error) {
    err(`live-scores dlq: ${(error as Error).message}`);
    return 1;
  } finally {
    db.close();
  }
}
