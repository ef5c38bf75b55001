import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryLogger } from '@live-scores/core';
import type { ScorecardHtml } from '@live-scores/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createChildProcessScraperFleet,
  scrapeArgs,
  type ChildProcessScraperFleet,
} from './child-process-scraper-fleet.ts';
import { eventually, FAKE_SCRAPER, isRunning } from './testing/processes.ts';
import { TEST_PAGES_DIR } from './testing/scorecards.ts';

const page = (file: string): string => fileURLToPath(new URL(file, TEST_PAGES_DIR));
const first = {
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
};
const second = {
  matchId: '6123457',
  teamId: 'secondTeam',
  url: 'https://bradfordcl.play-cricket.com/website/results/6123457',
};

let dir: string;
let fleet: ChildProcessScraperFleet | undefined;
let received: ScorecardHtml[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fleet-'));
  received = [];
});
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
  await rm(dir, { recursive: true, force: true });
});

function startFleet(env: Record<string, string>, graceMs = 2_000): ChildProcessScraperFleet {
  fleet = createChildProcessScraperFleet({
    command: FAKE_SCRAPER,
    htmlQueue: { send: async (m) => void received.push(m) },
    logger: createMemoryLogger(),
    graceMs,
    restartDelayMs: 50,
    env: { ...process.env, FAKE_SCRAPER_STARTS: join(dir, 'starts'), ...env },
  });
  return fleet;
}

const starts = (): number =>
  existsSync(join(dir, 'starts')) ? readFileSync(join(dir, 'starts'), 'utf8').trim().split('\n').length : 0;

describe('the child-process scraper fleet', () => {
  it('runs the scrape command with one --url/--team pair per match and writing to stdout', () => {
    expect(scrapeArgs([first, second])).toEqual([
      'scrape',
      '--url',
      first.url,
      '--team',
      'firstTeam',
      '--url',
      second.url,
      '--team',
      'secondTeam',
      '--out',
      '-',
    ]);
  });

  it('sends each line the scraper prints to the html queue, and lists the host', async () => {
    const f = startFleet({
      FAKE_SCRAPER_PAGES: [page('02-first-ball.html'), page('03-early-no-wicket.html')].join(','),
    });
    const host = await f.start('2025-06-14', [first]);

    await eventually('two messages', () => received.length === 2);
    expect(received.map((m) => [m.matchId, m.teamId, m.seq])).toEqual([
      ['6123456', 'firstTeam', 1],
      ['6123456', 'firstTeam', 2],
    ]);
    expect(await f.list()).toEqual([{ id: host.id, date: '2025-06-14', matches: [first] }]);
    expect(isRunning(f.pidOf(host.id)!)).toBe(true);
  });

  it('restarts a scraper that dies', async () => {
    const f = startFleet({ FAKE_SCRAPER_PAGES: page('02-first-ball.html'), FAKE_SCRAPER_CRASH_FIRST: '1' });
    const host = await f.start('2025-06-14', [first]);
    await eventually('a restart', () => starts() === 2 && received.length === 2);
    expect(isRunning(f.pidOf(host.id)!)).toBe(true);
  });

  it('restarts the scraper with the new set when a match joins the host', async () => {
    const f = startFleet({ FAKE_SCRAPER_PAGES: page('02-first-ball.html') });
    const host = await f.start('2025-06-14', [first]);
    await eventually('the first match', () => received.length === 1);
    const before = f.pidOf(host.id)!;

    await f.addMatch(host.id, second);

    await eventually('both matches', () => received.some((m) => m.matchId === '6123457'));
    expect(isRunning(before)).toBe(false);
    expect((await f.list())[0]!.matches.map((m) => m.matchId)).toEqual(['6123456', '6123457']);
  });

  it('terminates with SIGTERM, then SIGKILL when the scraper ignores it past the grace period', async () => {
    const f = startFleet(
      { FAKE_SCRAPER_PAGES: page('02-first-ball.html'), FAKE_SCRAPER_IGNORE_TERM: '1' },
      300,
    );
    const host = await f.start('2025-06-14', [first]);
    await eventually('the scraper running', () => received.length === 1);
    const pid = f.pidOf(host.id)!;

    const began = Date.now();
    await f.terminate(host.id);

    expect(Date.now() - began).toBeGreaterThanOrEqual(300);
    expect(isRunning(pid)).toBe(false);
    expect(await f.list()).toEqual([]);
    expect(starts()).toBe(1);
  });
});
