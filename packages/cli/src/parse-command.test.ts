import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseMatchPage } from '@live-scores/parser';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../bin/live-scores.js');
const pages = path.resolve(here, '../../parser/test-pages');
const matchPages = readdirSync(pages).filter((f) => /^\d\d-.*\.html$/.test(f));
const url = 'https://bradfordcl.play-cricket.com/website/results/6123499';

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('live-scores parse', () => {
  it(
    'prints, for every test page, exactly the scorecard the parser reads',
    { timeout: 120_000 },
    async () => {
      expect(matchPages.length).toBeGreaterThanOrEqual(10);
      for (const page of matchPages) {
        const file = path.join(pages, page);
        const { code, stdout } = await cli('parse', file, '--team', 'secondTeam', '--url', url);
        expect(code, page).toBe(0);
        const printed = JSON.parse(stdout);
        const expected = parseMatchPage(readFileSync(file, 'utf8'), { teamId: 'secondTeam', url });
        expect({ ...printed, capturedAt: 'x' }, page).toEqual({ ...expected, capturedAt: 'x' });
        expect(printed.teamId).toBe('secondTeam');
        expect(printed.matchId).toBe('6123499');
      }
    },
  );

  it('exits 1 with a one-line reason for a file that is not a scorecard', async () => {
    const { code, stdout, stderr } = await cli('parse', path.join(pages, 'reject-random-page.html'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^live-scores parse: .*reject-random-page\.html: /);
  });

  it('exits 2 with usage when no file is named', async () => {
    const { code, stderr } = await cli('parse');
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: live-scores parse');
  });
});
