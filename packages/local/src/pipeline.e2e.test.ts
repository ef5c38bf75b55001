import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SanityStub } from '@live-scores/cms-sanity';
import { createSanityCms } from '@live-scores/cms-sanity';
import {
  createMemoryLogger,
  findFixtures,
  launchScraper,
  matchDay,
  matchScorecardKey,
  parseScorecard,
  storeScorecard,
  systemClock,
  teardownScraper,
  updateCms,
  type ScorecardTopic,
} from '@live-scores/core';
import type { FixtureRecord, Scorecard, ScorecardHtml } from '@live-scores/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createChildProcessScraperFleet,
  type ChildProcessScraperFleet,
} from './child-process-scraper-fleet.ts';
import { createEmbeddedQueue, type EmbeddedQueue } from './embedded-queue.ts';
import { createEmbeddedScorecardTopic, gameOverFilter } from './embedded-scorecard-topic.ts';
import { createFileFixturesTable } from './file-fixtures-table.ts';
import { createFileScorecardStore } from './file-scorecard-store.ts';
import { eventually, FAKE_SCRAPER, isRunning } from './testing/processes.ts';
import { TEST_PAGES_DIR } from './testing/scorecards.ts';

const page = (file: string): string => fileURLToPath(new URL(file, TEST_PAGES_DIR));
const timeZone = 'Europe/London';
const today = matchDay(new Date(), timeZone);
const teams = [
  { id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' },
  { id: 'secondTeam', label: '2nd XI', fixturesText: 'Cleckheaton CC - 2nd XI' },
];

/**
 * The single-machine pipeline, wired as the runtime wires it, against a fake scraper
 * process and a loopback Sanity: fixtures → launch → scraper child → html queue → parse →
 * topic (every scorecard published twice, on purpose) → store / update-cms / teardown.
 */
describe('the local pipeline, end to end', () => {
  const sanity = new SanityStub();
  const logger = createMemoryLogger('e2e');
  const queues: EmbeddedQueue<never>[] = [];
  let dataDir: string;
  let fleet: ChildProcessScraperFleet;
  let hostPid: number | undefined;
  let store: ReturnType<typeof createFileScorecardStore>;
  let published: Scorecard[];
  let topic: ReturnType<typeof createEmbeddedScorecardTopic>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pipeline-'));
    const apiHost = await sanity.start();
    sanity.docs = teams.map((t, i) => ({
      _id: `fx-${i}`,
      _rev: sanity.nextRev(),
      _type: 'fixture',
      team: t.id,
      date: today,
    }));
    const cms = createSanityCms({
      projectId: 'club',
      dataset: 'production',
      apiVersion: 'v2025-02-19',
      fixtureType: 'fixture',
      token: 't',
      apiHost,
    });

    const queue = <T>(name: string, handler: (m: T) => Promise<unknown>): EmbeddedQueue<T> => {
      const q = createEmbeddedQueue<T>({
        name,
        logger,
        backoff: { firstMs: 20, maxMs: 200 },
        handler: async (m) => void (await handler(m)),
      });
      queues.push(q as EmbeddedQueue<never>);
      return q;
    };

    store = createFileScorecardStore(join(dataDir, 'objects'));
    topic = createEmbeddedScorecardTopic();
    published = [];
    const duplicatingTopic: ScorecardTopic = {
      async publish(scorecard) {
        published.push(scorecard);
        await topic.publish(scorecard);
        await topic.publish(scorecard);
      },
    };
    const fixtures = createFileFixturesTable(join(dataDir, 'fixtures.json'), {
      onInsert: (record) => void launchQueue.send(record),
    });
    const htmlQueue = queue<ScorecardHtml>('html', (m) =>
      parseScorecard({ topic: duplicatingTopic, logger }, m),
    );
    fleet = createChildProcessScraperFleet({
      command: FAKE_SCRAPER,
      htmlQueue,
      logger,
      graceMs: 2_000,
      env: {
        ...process.env,
        FAKE_SCRAPER_PAGES: ['03-early-no-wicket.html', '04-mid-innings.html', '07-won-by-wickets.html']
          .map(page)
          .join(','),
        FAKE_SCRAPER_INTERVAL_MS: '30',
      },
    });
    const launchQueue = queue<FixtureRecord>('launch-scraper', async (record) => {
      const outcome = await launchScraper({ fixtures, fleet, logger }, record);
      if (outcome.kind === 'launched') hostPid = fleet.pidOf(outcome.hostId);
    });
    topic.subscribe(
      queue<Scorecard>('store-scorecard', (s) => storeScorecard({ store, logger }, s, { timeZone })),
    );
    topic.subscribe(
      queue<Scorecard>('update-cms', (s) => updateCms({ cms, logger }, s, { timeZone })),
      gameOverFilter,
    );
    topic.subscribe(
      queue<Scorecard>('teardown-scraper', (s) =>
        teardownScraper({ fixtures, fleet, clock: systemClock, logger }, s, { timeZone }),
      ),
      gameOverFilter,
    );

    const fixturesHtml = readFileSync(page('fixtures-saturday.html'), 'utf8');
    const find = () =>
      findFixtures(
        { page: { fetchHtml: async () => fixturesHtml }, fixtures, clock: systemClock, logger },
        {
          timeZone,
          league: {
            baseUrl: 'https://bradfordcl.play-cricket.com',
            fixturesPath: '/website/web_pages/315262',
          },
          teams,
        },
      );
    await find();
    await find();
  });

  afterAll(async () => {
    await fleet.close();
    for (const q of queues) q.close();
    await sanity.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('launches one scraper process, records each result once, stores the final scorecards and ends the process', async () => {
    await eventually(
      'the scraper host to be torn down',
      async () => hostPid !== undefined && (await fleet.list()).length === 0,
      20_000,
    );
    await Promise.all(queues.map((q) => q.idle()));

    expect(isRunning(hostPid!)).toBe(false);
    expect(sanity.mutations).toHaveLength(2);
    expect(sanity.docs.map((d) => [d.team, d.liveScoresMatchId, d.result])).toEqual([
      ['firstTeam', '6123456', expect.stringMatching(/WON BY/)],
      ['secondTeam', '6123408', expect.stringMatching(/WON BY/)],
    ]);
    for (const matchId of ['6123456', '6123408']) {
      const stored = await store.get(matchScorecardKey(matchId));
      expect(stored).toMatchObject({
        matchId,
        status: 'complete',
        seq: Math.max(...published.filter((s) => s.matchId === matchId).map((s) => s.seq)),
      });
    }
    expect(published).toHaveLength(6);
    for (const q of queues) expect(await q.deadLetters()).toEqual([]);
  });

  it('keeps the final scorecard when an older one is delivered late', async () => {
    const oldest = published.find((s) => s.matchId === '6123456')!;
    await topic.publish(oldest);
    await Promise.all(queues.map((q) => q.idle()));
    expect((await store.get(matchScorecardKey('6123456')))?.status).toBe('complete');
    expect(sanity.mutations).toHaveLength(2);
  });
});
