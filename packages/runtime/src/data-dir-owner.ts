import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@live-scores/local';
import { z } from 'zod';
import { describeErrno, StartupError } from './startup-error.ts';

export const OWNER_FILE = 'data-dir.json';

/** Who a data dir belongs to: the demo, or one club's real configuration. */
export const DataDirOwner = z.object({
  mode: z.enum(['demo', 'club']),
  /** The club's slug (`club.slug`). */
  club: z.string(),
  since: z.string(),
});
export type DataDirOwner = z.infer<typeof DataDirOwner>;

export type RunMode = Pick<DataDirOwner, 'mode' | 'club'>;

async function readOwner(dataDir: string): Promise<DataDirOwner | undefined> {
  const file = join(dataDir, OWNER_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StartupError(`${file}: cannot read: ${describeErrno(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = DataDirOwner.safeParse(json);
  if (!parsed.success)
    throw new StartupError(`${file}: not a data dir owner record (fix or remove it knowingly; not starting)`);
  return parsed.data;
}

function describeOwner(owner: RunMode): string {
  return owner.mode === 'demo' ? 'the demo' : `the club "${owner.club}"`;
}

/**
 * Makes sure `dataDir` is this run's to use, and records it as such on first use. The demo
 * never runs where a real configuration has been (it would clear that club's match day and
 * play a simulated match to its supporters), nor a club where the demo has been, nor one
 * club in another's data dir. A data dir from before owners were recorded is taken by a
 * club, and by the demo only when it holds no subscriptions.
 */
export async function claimDataDir(
  dataDir: string,
  run: RunMode,
  /** Whether the data dir's store holds supporters' subscriptions (for one with no record). */
  holdsSubscriptions: () => Promise<boolean>,
): Promise<DataDirOwner> {
  const owner = await readOwner(dataDir);
  if (owner) {
    if (owner.mode !== run.mode || owner.club !== run.club)
      throw new StartupError(
        `data dir ${dataDir} belongs to ${describeOwner(owner)} (since ${owner.since}); ` +
          `${describeOwner(run)} needs a data dir of its own (set DATA_DIR or server.dataDir)`,
      );
    return owner;
  }
  if (run.mode === 'demo' && (await holdsSubscriptions()))
    throw new StartupError(
      `data dir ${dataDir} holds supporters' subscriptions and no record of the demo: ` +
        'the demo does not run there (start with --config FILE, or set DATA_DIR to another folder)',
    );
  const claimed: DataDirOwner = { ...run, since: new Date().toISOString() };
  try {
    await writeFileAtomic(join(dataDir, OWNER_FILE), JSON.stringify(claimed, null, 2) + '\n');
  } catch (error) {
    throw new StartupError(`${join(dataDir, OWNER_FILE)}: cannot write: ${describeErrno(error)}`);
  }
  return claimed;
}
