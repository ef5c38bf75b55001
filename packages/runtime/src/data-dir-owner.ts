import { readFile, rm } from 'node:fs/promises';
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

/**
 * Files of a match day the demo clears before it plays; subscriptions and VAPID keys stay.
 * Only ever cleared in a data dir the demo owns.
 */
const DEMO_MATCH_STATE = [
  'fixtures.json',
  'rules-state.json',
  'event-log.json',
  'idempotency.json',
  'broadcast-watermarks.json',
  'queues',
  'scorecards',
  'matches',
];

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

/** Whether a data dir written before owners were recorded holds supporters' subscriptions. */
async function holdsSubscriptions(dataDir: string): Promise<boolean> {
  try {
    const all = JSON.parse(await readFile(join(dataDir, 'subscriptions.json'), 'utf8')) as unknown;
    return typeof all === 'object' && all !== null && Object.keys(all).length > 0;
  } catch {
    return false;
  }
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
export async function claimDataDir(dataDir: string, run: RunMode): Promise<DataDirOwner> {
  const owner = await readOwner(dataDir);
  if (owner) {
    if (owner.mode !== run.mode || owner.club !== run.club)
      throw new StartupError(
        `data dir ${dataDir} belongs to ${describeOwner(owner)} (since ${owner.since}); ` +
          `${describeOwner(run)} needs a data dir of its own (set DATA_DIR or server.dataDir)`,
      );
    return owner;
  }
  if (run.mode === 'demo' && (await holdsSubscriptions(dataDir)))
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

/**
 * A fresh match day for the demo: each demo plays on a new simulated site, and yesterday's
 * matches would point at one that is gone. Refuses anywhere the demo does not own.
 */
export async function clearDemoMatchDay(dataDir: string): Promise<void> {
  const owner = await readOwner(dataDir);
  if (owner?.mode !== 'demo')
    throw new StartupError(`data dir ${dataDir} is not the demo's: not clearing it`);
  await Promise.all(
    DEMO_MATCH_STATE.map((name) => rm(join(dataDir, name), { recursive: true, force: true })),
  );
}
