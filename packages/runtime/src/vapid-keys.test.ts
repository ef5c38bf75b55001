import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVapidKeys } from '@live-scores/push';
import { afterAll, describe, expect, it } from 'vitest';
import { loadVapidKeys, VAPID_KEYS_FILE } from './vapid-keys.ts';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'vapid-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the VAPID keys', () => {
  it('are generated on the first run, readable by the owner only, and the same on every later run', async () => {
    const dir = await tempDir();
    const first = await loadVapidKeys(dir, {});
    expect(first.source).toBe('generated');
    expect((await stat(join(dir, VAPID_KEYS_FILE))).mode & 0o777).toBe(0o600);
    const again = await loadVapidKeys(dir, {});
    expect(again).toEqual({ keys: first.keys, source: 'data dir' });
  });

  it('come from the environment when both halves are given there', async () => {
    const keys = generateVapidKeys();
    const loaded = await loadVapidKeys(await tempDir(), {
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
    });
    expect(loaded).toEqual({ keys, source: 'environment' });
  });

  it('refuse half a key pair in the environment', async () => {
    await expect(
      loadVapidKeys(await tempDir(), { VAPID_PUBLIC_KEY: generateVapidKeys().publicKey }),
    ).rejects.toThrow(/^VAPID_PUBLIC_KEY\/VAPID_PRIVATE_KEY: set both/);
  });

  it('stop start-up on a damaged key file rather than replace it', async () => {
    const dir = await tempDir();
    const file = join(dir, VAPID_KEYS_FILE);
    await writeFile(file, '{"publicKey": "short"');
    await expect(loadVapidKeys(dir, {})).rejects.toThrow(`${file}: not valid JSON`);
    expect(await readFile(file, 'utf8')).toBe('{"publicKey": "short"');
  });
});
