import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDataDir as claim, OWNER_FILE } from './data-dir-owner.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'owner-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const club = { mode: 'club', club: 'cleckheaton' } as const;
const demo = { mode: 'demo', club: 'cleckheaton-demo' } as const;
const empty = async () => false;
const claimDataDir = (path: string, run: typeof club | typeof demo | { mode: 'club'; club: string }) =>
  claim(path, run, empty);

describe('who a data dir belongs to', () => {
  it('is recorded by the first run that uses it, privately, and accepted again for the same run', async () => {
    const first = await claimDataDir(dir, club);
    expect(first).toMatchObject(club);
    expect(JSON.parse(await readFile(join(dir, OWNER_FILE), 'utf8'))).toEqual(first);
    expect((await stat(join(dir, OWNER_FILE))).mode & 0o777).toBe(0o600);
    expect(await claimDataDir(dir, club)).toEqual(first);
  });

  it("refuses the demo in a club's data dir, a club in the demo's, and one club in another's", async () => {
    await claimDataDir(dir, club);
    await expect(claimDataDir(dir, demo)).rejects.toThrow(
      new RegExp(
        `^data dir ${dir} belongs to the club "cleckheaton" \\(since .+\\); the demo needs a data dir of its own`,
      ),
    );
    await expect(claimDataDir(dir, { mode: 'club', club: 'scholes' })).rejects.toThrow(
      /belongs to the club "cleckheaton".*; the club "scholes" needs a data dir of its own/,
    );
    const demoDir = join(dir, 'demo');
    await mkdir(demoDir);
    await claimDataDir(demoDir, demo);
    await expect(claimDataDir(demoDir, club)).rejects.toThrow(
      /belongs to the demo .*the club "cleckheaton" needs/,
    );
  });

  it('keeps the demo out of an older data dir that holds subscriptions, and lets a club take it', async () => {
    const holding = async () => true;
    await expect(claim(dir, demo, holding)).rejects.toThrow(
      /holds supporters' subscriptions and no record of the demo/,
    );
    await expect(claim(dir, club, holding)).resolves.toMatchObject(club);
  });

  it('refuses to guess when the record is not one', async () => {
    await writeFile(join(dir, OWNER_FILE), '{"mode":"wizard"}');
    await expect(claimDataDir(dir, club)).rejects.toThrow(
      `${join(dir, OWNER_FILE)}: not a data dir owner record`,
    );
  });
});
