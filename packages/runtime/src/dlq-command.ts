import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createFileQueueStores, type DeadLetter } from '@live-scores/local';
import { isQueueName, QUEUE_MESSAGES, QUEUE_NAMES, queuesDir, type QueueName } from './queues.ts';
import { runningRuntimePid } from './runtime-lock.ts';

export const DLQ_USAGE = `Usage: live-scores dlq list [QUEUE] [--data-dir DIR]
       live-scores dlq replay [QUEUE] [--data-dir DIR]

Dead letters are messages a consumer failed on ${'`maxReceives`'} times (the reason is kept).
  list     shows them, per queue: when, why, and which match
  replay   moves them back onto their queue; the runtime delivers them on its next start.
           Replay while the runtime is stopped (it refuses otherwise): the queue journals
           are the runtime's own files. Consumers are idempotent, so a replayed scorecard
           never notifies twice.

Queues: ${QUEUE_NAMES.join(', ')}
DIR defaults to DATA_DIR, else ./data.`;

export interface DlqCommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

const storesOf = (dataDir: string, queue: QueueName) =>
  createFileQueueStores<unknown>(queuesDir(dataDir), queue, QUEUE_MESSAGES[queue] as never);

function describe(letter: DeadLetter<unknown>): string {
  const m = letter.message as { matchId?: string; teamId?: string; seq?: number; event?: { id: string } };
  const what = m.event
    ? `event ${m.event.id}`
    : [m.matchId && `match ${m.matchId}`, m.teamId, m.seq !== undefined && `seq ${m.seq}`]
        .filter(Boolean)
        .join(' ');
  return `  ${letter.deadAt}  ${what || 'message'}  after ${letter.receiveCount} tries: ${letter.reason}`;
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

  try {
    if (action === 'list') {
      let total = 0;
      for (const queue of queues) {
        const letters = await storesOf(dataDir, queue).deadLetters.read();
        if (letters.length === 0 && !queueArg) continue;
        total += letters.length;
        out(`${queue}: ${letters.length} dead letter(s)`);
        for (const letter of letters) out(describe(letter));
      }
      if (total === 0 && !queueArg) out(`no dead letters in ${dataDir}`);
      return 0;
    }

    const running = await runningRuntimePid(dataDir);
    if (running !== undefined) {
      err(
        `live-scores dlq: the runtime (pid ${running}) is using ${dataDir}; stop it, replay, then start it again`,
      );
      return 1;
    }
    let replayed = 0;
    for (const queue of queues) {
      const { journal, deadLetters } = storesOf(dataDir, queue);
      const letters = await deadLetters.read();
      if (letters.length === 0) continue;
      // Journal first: a crash between the two writes leaves a message twice, never lost.
      await journal.update((entries) => ({
        value: [
          ...entries,
          ...letters.map((l) => ({ id: randomUUID(), message: l.message, receiveCount: 0 })),
        ],
        result: undefined,
      }));
      await deadLetters.update(() => ({ value: [], result: undefined }));
      replayed += letters.length;
      out(`${queue}: ${letters.length} message(s) back on the queue`);
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
  }
}
