import { describe, expect, it } from 'vitest';
import { runSoakCommand, SOAK_USAGE } from './soak-command.ts';

describe('live-scores soak', () => {
  it('refuses an unknown flag with one line and the usage, before playing anything', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runSoakCommand(['--fast'], {
      out: (l) => void out.push(l),
      err: (l) => void err.push(l),
    });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringMatching(/^live-scores soak: .*--fast/), SOAK_USAGE]);
  });
});
