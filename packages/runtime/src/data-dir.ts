import { chmod, rm } from 'node:fs/promises';
import { makePrivateDir, writeFileAtomic } from '@live-scores/local';
import { join, resolve } from 'node:path';
import { describeErrno, StartupError } from './startup-error.ts';

/**
 * Makes sure the data dir exists (mode 0700) and takes a write (and an fsync'd rename, as every state
 * file does) before anything else starts, so a read-only mount, wrong owner or full disk is
 * one clear line at start-up rather than a failure in the middle of a match.
 */
export async function prepareDataDir(dataDir: string): Promise<string> {
  const dir = resolve(dataDir);
  const probe = join(dir, `.write-check.${process.pid}`);
  try {
    await makePrivateDir(dir);
    // Supporters' endpoints and the VAPID private key live here: this user's eyes only.
    await chmod(dir, 0o700);
    await writeFileAtomic(probe, 'ok\n');
    await rm(probe, { force: true });
  } catch (error) {
    throw new StartupError(`data dir ${dir} is not writable: ${describeErrno(error)}`);
  }
  return dir;
}
