import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '@live-scores/local';
import { join } from 'node:path';
import { generateVapidKeys } from '@live-scores/push';
import { z } from 'zod';
import { describeErrno, StartupError } from './startup-error.ts';

const VapidKeys = z.object({
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{80,90}$/, 'expected a base64url P-256 public key'),
  privateKey: z.string().regex(/^[A-Za-z0-9_-]{40,46}$/, 'expected a base64url P-256 private key'),
});
export type VapidKeys = z.infer<typeof VapidKeys>;

export const VAPID_KEYS_FILE = 'vapid-keys.json';

export interface VapidKeysResult {
  keys: VapidKeys;
  source: 'environment' | 'data dir' | 'generated';
}

/**
 * The VAPID key pair: `VAPID_PUBLIC_KEY` + `VAPID_PRIVATE_KEY` from the environment when
 * given, else the pair this server generated on its first run (`<dataDir>/vapid-keys.json`,
 * mode 0600). Keys must stay the same across restarts: every browser subscription is bound
 * to the public key, so a new pair would silently orphan every supporter.
 */
export async function loadVapidKeys(dataDir: string, env: NodeJS.ProcessEnv): Promise<VapidKeysResult> {
  const fromEnv = { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY };
  if (fromEnv.publicKey || fromEnv.privateKey) {
    const parsed = VapidKeys.safeParse(fromEnv);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StartupError(
        `VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY: set both, as "live-scores vapid" prints them (${String(issue?.path[0])}: ${issue?.message})`,
      );
    }
    return { keys: parsed.data, source: 'environment' };
  }

  const file = join(dataDir, VAPID_KEYS_FILE);
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new StartupError(`${file}: cannot read: ${describeErrno(error)}`);
  }
  if (text !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new StartupError(
        `${file}: not valid JSON (restore it from a backup; a new key pair would orphan every subscription)`,
      );
    }
    const parsed = VapidKeys.safeParse(json);
    if (!parsed.success)
      throw new StartupError(`${file}: ${parsed.error.issues[0]?.message ?? 'not a VAPID key pair'}`);
    return { keys: parsed.data, source: 'data dir' };
  }

  const keys = generateVapidKeys();
  try {
    // Created 0600 from the first byte: the private key is never readable by others, even briefly.
    await writeFileAtomic(file, JSON.stringify(keys, null, 2) + '\n');
  } catch (error) {
    throw new StartupError(`${file}: cannot write: ${describeErrno(error)}`);
  }
  return { keys, source: 'generated' };
}
