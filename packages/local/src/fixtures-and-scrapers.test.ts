import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMemoryLogger,
  findFixtures,
  launchScraper,
  relaunchLiveMatches,
  sweepScrapers,
  teardownScraper,
  type ScraperFleet,
  type ScraperHost,
  type WatchedMatch,
} from '@live-scores/core';
import type { FixtureRecord } from '@live-scores/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileFixturesTable, createMemoryFixturesTable } from './file-fixtures-table.ts';
import { createManualClock } from './manual-clock.ts';
import { scorecard, TEST_PAGES_DIR } from './testing/scorecards.ts';

/** A fleet that keeps hosts in memory and counts what it was asked to do. */
function recordingFleet(): ScraperFleet & {
  starts: WatchedMatch[][];
  terminated: string[];
  hosts: Map<string, ScraperHost>;
} {
  const hosts = new Map<string, ScraperHost>();
  const starts: WatchedMatch[][] = [];
  const terminated: string[] = [];
  return {
    hosts,
    starts,
    terminated,
    async start(date, matches) {
      starts.push([...matches]);
      const host = { id: `host-${starts.length}`, date, matches: [...matches] };
      hosts.set(host.id, host);
      return host;
    },
    async addMatch(hostId, match) {
      hosts.get(hostId)!.matches.push(match);
    },
    async terminate(hostId) {
      terminated.push(hostId);
      hosts.delete(hostId);
    },
    list: async () => [...hosts.values()],
  };
}

const clock = createManualClock('2025-06-14T10:30:00.000Z');
const teams = [
  { id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' },
  { id: 'secondTeam', label: '2nd XI', fixturesText: 'Cleckheaton CC - 2nd XI' },
];
const fixturesPage = readFileSync(new URL('fixtures-saturday.html', TEST_PAGES_DIR), 'utf8');
const league = { baseUrl: 'https://bradfordcl.play-cricket.com', fixturesPath: '/website/web_pages/315262' };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixtures-'));
  clock.set('2025-06-14T10:30:00.000Z');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('find-fixtures and launch-scraper through the local fixtures table', () => {
  it('records each match once and launches one host for the day, however many times it runs', async () => {
    const inserted: FixtureRecord[] = [];
    const fixtures = createFileFixturesTable(join(dir, 'fixtures.json'), {
      clock,
      onInsert: (r) => inserted.push(r),
    });
    const fleet = recordingFleet();
    const logger = createMemoryLogger();
    const fetched: string[] = [];
    const page = { fetchHtml: async (url: string) => (fetched.push(url), fixturesPage) };

    const runs = [];
    for (let run = 0; run < 5; run++) {
      runs.push(
        await findFixtures({ page, fixtures, clock, logger }, { timeZone: 'Europe/London', league, teams }),
      );
      clock.advance(30 * 60_000);
    }
    // The local stand-in for the stream: each insert, delivered twice, to launch-scraper.
    for (const record of [...inserted, ...inserted]) await launchScraper({ fixtures, fleet, logger }, record);

    expect(fetched[0]).toBe('https://bradfordcl.play-cricket.com/website/web_pages/315262');
    expect(runs[0]!.found.length).toBeGreaterThan(0);
    expect(runs[0]!.recorded).toEqual(runs[0]!.found);
    expect(runs.slice(1).map((r) => r.recorded)).toEqual([[], [], [], []]);
    expect(inserted.map((r) => r.matchId)).toEqual(runs[0]!.found.map((f) => f.matchId));
    expect(fleet.starts).toHaveLength(1);
    expect(fleet.starts[0]!.map((m) => m.matchId).sort()).toEqual(inserted.map((r) => r.matchId).sort());
    const assigned = await fixtures.listDay('2025-06-14');
    expect(new Set(assigned.map((f) => f.hostId))).toEqual(new Set(['host-1']));
  });

  it('adds a match discovered later to the running host', async () => {
    const fixtures = createMemoryFixturesTable({ clock });
    const fleet = recordingFleet();
    const logger = createMemoryLogger();
    const first = {
      date: '2025-06-14',
      matchId: '6123456',
      teamId: 'firstTeam',
      url: 'https://x.example/website/results/6123456',
    };
    const later = {
      ...first,
      matchId: '6123457',
      teamId: 'secondTeam',
      url: 'https://x.example/website/results/6123457',
    };
    await fixtures.putIfNew(first);
    expect(await launchScraper({ fixtures, fleet, logger }, first)).toMatchObject({
      kind: 'launched',
      hostId: 'host-1',
    });
    await fixtures.putIfNew(later);
    expect(await launchScraper({ fixtures, fleet, logger }, later)).toEqual({
      kind: 'joined',
      hostId: 'host-1',
    });
    expect(fleet.hosts.get('host-1')!.matches.map((m) => m.matchId)).toEqual(['6123456', '6123457']);
    expect(fleet.starts).toHaveLength(1);
  });

  it('forgets fixtures 24 hours after discovery', async () => {
    const fixtures = createMemoryFixturesTable({ clock });
    const fixture = {
      date: '2025-06-14',
      matchId: '6123456',
      teamId: 'firstTeam',
      url: 'https://x.example/website/results/6123456',
    };
    await fixtures.putIfNew(fixture);
    clock.advance(24 * 3600_000 + 1);
    expect(await fixtures.listDay('2025-06-14')).toEqual([]);
    expect(await fixtures.putIfNew(fixture)).toBe(true);
  });
});

describe('teardown-scraper through the local fixtures table', () => {
  const options = { timeZone: 'Europe/London' };

  async function dayWithTwoMatchesOnOneHost() {
    const fixtures = createFileFixturesTable(join(dir, 'fixtures.json'), { clock });
    const fleet = recordingFleet();
    const logger = createMemoryLogger();
    for (const [matchId, teamId] of [
      ['6123456', 'firstTeam'],
      ['6123457', 'secondTeam'],
    ] as const) {
      const fixture = {
        date: '2025-06-14',
        matchId,
        teamId,
        url: `https://x.example/website/results/${matchId}`,
      };
      await fixtures.putIfNew(fixture);
      await launchScraper({ fixtures, fleet, logger }, fixture);
    }
    const deps = { fixtures, fleet, clock, logger };
    const final = (matchId: string, teamId: string) =>
      scorecard({
        matchId,
        teamId,
        status: 'complete',
        result: 'MATCH TIED',
        capturedAt: '2025-06-14T17:00:00.000Z',
      });
    return { fleet, fixtures, deps, final };
  }

  it('terminates the host when two of its matches end at the same moment', async () => {
    const { fleet, deps, final } = await dayWithTwoMatchesOnOneHost();
    const outcomes = await Promise.all([
      teardownScraper(deps, final('6123456', 'firstTeam'), options),
      teardownScraper(deps, final('6123457', 'secondTeam'), options),
    ]);
    expect(outcomes.some((o) => o.kind === 'terminated')).toBe(true);
    expect(new Set(fleet.terminated)).toEqual(new Set(['host-1']));
    expect(fleet.hosts.size).toBe(0);
  });

  it('keeps the host while one match is live, then terminates it on the last, duplicates included', async () => {
    const { fleet, fixtures, deps, final } = await dayWithTwoMatchesOnOneHost();
    expect(await teardownScraper(deps, final('6123456', 'firstTeam'), options)).toEqual({
      kind: 'host-still-needed',
      hostId: 'host-1',
      liveMatchIds: ['6123457'],
    });
    expect(await teardownScraper(deps, final('6123456', 'firstTeam'), options)).toMatchObject({
      kind: 'host-still-needed',
    });
    expect(fleet.terminated).toEqual([]);
    expect(await teardownScraper(deps, final('6123457', 'secondTeam'), options)).toEqual({
      kind: 'terminated',
      hostId: 'host-1',
    });
    expect((await fixtures.listLive('2025-06-14')).length).toBe(0);
  });

  it('ignores a scorecard that is not final', async () => {
    const { fleet, deps } = await dayWithTwoMatchesOnOneHost();
    expect(await teardownScraper(deps, scorecard({ status: 'in-progress' }), options)).toEqual({
      kind: 'not-final',
    });
    expect(fleet.terminated).toEqual([]);
  });
});

describe('sweep-scrapers', () => {
  it('terminates every host still running and logs each one', async () => {
    const fleet = recordingFleet();
    await fleet.start('2025-06-14', [
      { matchId: '1', teamId: 'firstTeam', url: 'https://x.example/website/results/1' },
    ]);
    await fleet.start('2025-06-14', [
      { matchId: '2', teamId: 'secondTeam', url: 'https://x.example/website/results/2' },
    ]);
    const logger = createMemoryLogger();

    const swept = await sweepScrapers({ fleet, logger });

    expect(swept.map((h) => h.id)).toEqual(['host-1', 'host-2']);
    expect(fleet.hosts.size).toBe(0);
    expect(
      logger.lines.filter((l) => l.message === 'swept a scraper host still running').map((l) => l.hostId),
    ).toEqual(['host-1', 'host-2']);
  });
});

describe('relaunch-live-matches after a restart', () => {
  it("starts one host for the day's live matches and assigns each to it", async () => {
    const fixtures = createMemoryFixturesTable({ clock });
    const fleet = recordingFleet();
    const logger = createMemoryLogger();
    const date = '2025-06-14';
    for (const matchId of ['6100001', '6100002', '6100003'])
      await fixtures.putIfNew({ date, matchId, teamId: 'firstTeam', url: `https://example.test/${matchId}` });
    await fixtures.markComplete(date, '6100003', clock.now().toISOString());

    const outcome = await relaunchLiveMatches({ fixtures, fleet, logger }, { date });

    expect(outcome).toEqual({ kind: 'relaunched', hostId: 'host-1', matchIds: ['6100001', '6100002'] });
    expect(fleet.starts.map((matches) => matches.map((m) => m.matchId))).toEqual([['6100001', '6100002']]);
    expect((await fixtures.listLive(date)).map((f) => f.hostId)).toEqual(['host-1', 'host-1']);
    // A launch request redelivered after the restart finds its match watched.
    expect(await launchScraper({ fixtures, fleet, logger }, (await fixtures.get(date, '6100001'))!)).toEqual({
      kind: 'already-watched',
      hostId: 'host-1',
    });
  });

  it('starts nothing when no match of the day is live', async () => {
    const fleet = recordingFleet();
    const outcome = await relaunchLiveMatches(
      { fixtures: createMemoryFixturesTable({ clock }), fleet, logger: createMemoryLogger() },
      { date: '2025-06-14' },
    );
    expect(outcome).toEqual({ kind: 'nothing-live' });
    expect(fleet.starts).toEqual([]);
  });
});
