import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger, findFixtures, type FixturesTable } from '@live-scores/core';
import { createFixturesTable, createManualClock, createMemoryDocument } from '@live-scores/local';
import type { FixtureRecord } from '@live-scores/schema';
import { startSimulator, type RunningSimulator } from '@live-scores/simulator';
import { createChromiumRenderedPage } from './rendered-page.ts';

const teams = [
  { id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' },
  { id: 'secondTeam', label: '2nd XI', fixturesText: 'Cleckheaton CC - 2nd XI' },
];

describe('find-fixtures on the simulated league site, in real Chromium', () => {
  let site: RunningSimulator;
  let fixtures: FixturesTable;
  const inserted: FixtureRecord[] = [];
  const clock = createManualClock('2026-06-13T10:30:00.000Z');

  beforeAll(async () => {
    site = await startSimulator({
      speed: 0,
      seed: 'fixtures',
      matches: 3,
      otherMatches: 2,
      club: { name: 'Cleckheaton CC', teams },
    });
    fixtures = createFixturesTable(createMemoryDocument({}), { clock, onInsert: (r) => inserted.push(r) });
  });
  afterAll(async () => site?.close());

  const run = () =>
    findFixtures(
      { page: createChromiumRenderedPage(), fixtures, clock, logger: createMemoryLogger() },
      {
        timeZone: 'Europe/London',
        league: { baseUrl: site.baseUrl, fixturesPath: new URL(site.fixturesUrl).pathname },
        teams,
      },
    );

  it("finds the club's matches at home and away, and nobody else's", async () => {
    const { found } = await run();
    const clubMatches = site.matches.filter((m) => m.teamId !== null);
    expect(found.map((f) => f.matchId).sort()).toEqual(clubMatches.map((m) => m.matchId).sort());
    expect(clubMatches.some((m) => m.home.startsWith('Cleckheaton CC'))).toBe(true);
    expect(clubMatches.some((m) => m.away.startsWith('Cleckheaton CC'))).toBe(true);
    for (const fixture of found) {
      const match = site.matches.find((m) => m.matchId === fixture.matchId)!;
      expect(fixture).toEqual({
        date: '2026-06-13',
        matchId: match.matchId,
        teamId: match.teamId,
        url: match.url,
      });
    }
  });

  it('records each match once however often it runs in a day', async () => {
    for (let i = 0; i < 4; i++) expect((await run()).recorded).toEqual([]);
    expect(inserted.map((r) => r.matchId).sort()).toEqual(
      site.matches
        .filter((m) => m.teamId !== null)
        .map((m) => m.matchId)
        .sort(),
    );
  });
});
