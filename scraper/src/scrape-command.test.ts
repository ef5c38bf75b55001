import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScorecardHtml } from '@live-scores/schema';
import { isAlive, processTreePids } from './process-tree.ts';
import { runScrapeCommand } from './scrape-command.ts';
import { type FakeMatchSite, startFakeMatchSite } from './testing/fake-match-site.ts';
import { until } from './testing/wait.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

interface Spawned {
  child: ChildProcess;
  lines: ScorecardHtml[];
  stderr: string[];
  exited: Promise<number | null>;
}

/** Runs the scraper entry point as the EC2 host and the local runtime do. */
function spawnScraper(args: string[]): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'scrape', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: ScorecardHtml[] = [];
  const stderr: string[] = [];
  let partial = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) lines.push(ScorecardHtml.parse(JSON.parse(part)));
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, lines, stderr, exited };
}

describe('the scrape command', () => {
  let site: FakeMatchSite;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    site = await startFakeMatchSite();
  });
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    await site.close();
  });

  it('prints one ScorecardHtml per line and, on SIGTERM, exits 0 leaving no Chromium behind', async () => {
    site.addMatch('4001', { runs: 88, balls: 100 });
    const scraper = spawnScraper(['--url', site.matchUrl('4001'), '--team', 'firstTeam', '--out', '-']);
    running.push(scraper.child);
    await until(() => scraper.lines.length >= 1, 20_000, 'first line');
    await until(() => site.liveViewers('4001') === 1);
    site.ball('4001');
    await until(() => scraper.lines.length >= 2, 10_000, 'second line');
    const tree = processTreePids(scraper.child.pid as number);
    expect(tree.length).toBeGreaterThan(1);

    scraper.child.kill('SIGTERM');
    expect(await scraper.exited).toBe(0);
    expect(scraper.lines.map((m) => [m.matchId, m.teamId, m.seq])).toEqual([
      ['4001', 'firstTeam', 1],
      ['4001', 'firstTeam', 2],
    ]);
    await until(() => tree.every((pid) => !isAlive(pid)), 5_000, 'every process of the scraper gone');
    const logs = scraper.stderr
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logs.map((l) => l.message)).toEqual(
      expect.arrayContaining(['signal received; stopping', 'watcher stopped']),
    );
  });

  it('exits 0 by itself once every match has sent its result', async () => {
    site.addMatch('4002', { runs: 120, balls: 180 });
    site.addMatch('4003', { runs: 97, balls: 200, status: 'WON BY 23 RUNS', winner: 'Scholes CC - 2nd XI' });
    const scraper = spawnScraper([
      ...['--url', site.matchUrl('4002'), '--team', 'firstTeam'],
      ...['--url', site.matchUrl('4003'), '--team', 'secondTeam'],
      ...['--out', '-'],
    ]);
    running.push(scraper.child);
    await until(() => scraper.lines.some((m) => m.matchId === '4002'), 20_000, 'first line of 4002');
    await until(() => site.liveViewers('4002') === 1);
    site.update('4002', { status: 'MATCH TIED' });
    expect(await scraper.exited).toBe(0);
    expect(scraper.lines.filter((m) => m.matchId === '4003').map((m) => m.seq)).toEqual([1]);
    expect(scraper.lines.filter((m) => m.matchId === '4002').at(-1)?.headerHtml).toContain('MATCH TIED');
  });

  it('prints its usage for --help', async () => {
    const stdout = new PassThrough();
    expect(await runScrapeCommand(['--help'], { stdout, stderr: new PassThrough() })).toBe(0);
    expect(String(stdout.read())).toMatch(/^usage: live-scores scrape --url <match-url> --team <teamId> /);
  });

  it('refuses bad arguments with one line on stderr and exit code 2', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const code = await runScrapeCommand(
      ['--url', 'https://x.play-cricket.com/website/results/6123456', '--out', '-'],
      {
        stdout,
        stderr,
      },
    );
    expect(code).toBe(2);
    expect(String(stderr.read())).toBe(
      'live-scores scrape: each --url needs its own --team (got 1 --url, 0 --team)\n',
    );
    expect(stdout.read()).toBeNull();
  });
});
