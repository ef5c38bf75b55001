import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeErrno, StartupError } from './startup-error.ts';

export const LOCK_FILE = 'runtime.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a runtime that holds the data dir, or undefined when none is running. */
export async function runningRuntimePid(dataDir: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, LOCK_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

export interface RuntimeLock {
  release(): Promise<void>;
}

/**
 * One runtime per data dir: two would each replay the other's queue journals and run two
 * scrapers per match. A lock left by a process that is gone (a crash, a power cut) is taken over.
 */
export async function acquireRuntimeLock(dataDir: string): Promise<RuntimeLock> {
  const holder = await runningRuntimePid(dataDir);
  if (holder !== undefined)
    throw new StartupError(`another live-scores runtime (pid ${holder}) is using the data dir ${dataDir}`);
  const file = join(dataDir, LOCK_FILE);
  try {
    await writeFile(file, `${process.pid}\n`);
  } catch (error) {
    throw new StartupError(`${file}: cannot write: ${describeErrno(error)}`);
  }
  return {
    async release() {
      await rm(file, { force: true });
    },
  };
}
