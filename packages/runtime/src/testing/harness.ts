import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '@live-scores/config';
import { createMemoryLogger, type Cms, type RenderedPage } from '@live-scores/core';
import type { ConfigFileInput, NotificationEvent, Scorecard } from '@live-scores/schema';
import type { OperatorFeed } from '../operator-feed.ts';
import { startRuntime, type Runtime } from '../runtime.ts';
import type { QueueSettings } from '../local-system.ts';

/** The saved league pages the parser is tested on. */
export const TEST_PAGES = new URL('../../../parser/test-pages/', import.meta.url);
export const testPage = (name: string): string => fileURLToPath(new URL(name, TEST_PAGES));

/** The local package's stand-in scraper: prints saved pages as ScorecardHtml lines, then idles. */
export const FAKE_SCRAPER: [string, string] = [
  process.execPath,
  fileURLToPath(new URL('../../../local/src/testing/fake-scraper.mjs', import.meta.url)),
];

/** The Saturday fixtures page lists these two club matches. */
export const SATURDAY_MATCHES = ['6123408', '6123456'];

export const TEST_TEAMS = [
  { id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' },
  { id: 'secondTeam', label: '2nd XI', fixturesText: 'Cleckheaton CC - 2nd XI' },
];

/** A schedule that never fires during a test: discovery is started by the test itself. */
const NEVER = 'cron(0 0 1 1 ? 2099)';

/**
 * The runtime's tests follow pushes one per event, so the digest is off unless a test sets
 * `notifications.digestSeconds` (the digest's own tests do).
 */
export function testConfig(overrides: Partial<ConfigFileInput> & { dataDir: string }) {
  const { dataDir, ...rest } = overrides;
  return parseConfig(
    {
      club: { name: 'Cleckheaton CC', shortName: 'Cleckheaton', slug: 'cleckheaton-test' },
      league: { baseUrl: 'https://bradfordcl.play-cricket.com', fixturesPath: '/website/web_pages/315262' },
      teams: TEST_TEAMS,
      schedule: { timeZone: 'Europe/London', findFixtures: NEVER, sweepScrapers: NEVER },
      push: { vapidSubject: 'mailto:scores@cleckheatoncc.co.uk' },
      server: { host: '127.0.0.1', port: 0, dataDir },
      ...rest,
      notifications: { digestSeconds: 0, ...rest.notifications },
    },
    'test configuration',
  );
}

/** What the operator would have been told, kept for assertions. */
export function createRecordingFeed(): OperatorFeed & { events: NotificationEvent[]; lines: string[] } {
  const events: NotificationEvent[] = [];
  const lines: string[] = [];
  return {
    events,
    lines,
    fixturesFound: (r) => void lines.push(`found ${r.found.map((f) => f.matchId).join(',')}`),
    scraperLaunched: (o) => void lines.push(`launch ${o.kind}`),
    scorecard: (s: Scorecard) => void lines.push(`scorecard ${s.matchId} ${s.status}`),
    notification: (e) => void events.push(e),
    note: (line) => void lines.push(line),
  };
}

export const FAST_QUEUES: QueueSettings = { maxReceives: 3, backoff: { firstMs: 20, maxMs: 100 } };

export interface FakeScraperRun {
  pages: string[];
  intervalMs: number;
  /** Exit 1 after the first line of the first start. */
  crashFirst?: boolean;
}

export interface TestRuntimeOptions {
  /** Caps the database (a full disk). */
  databaseMaxPages?: number;
  dataDir: string;
  scraper: FakeScraperRun;
  cms?: Cms;
  env?: NodeJS.ProcessEnv;
  config?: Partial<ConfigFileInput>;
}

const saturdayFixtures: RenderedPage = {
  fetchHtml: async () => readFileSync(testPage('fixtures-saturday.html'), 'utf8'),
};

/** A runtime on loopback and a temp data dir, scraping with the fake scraper: starts in well under a second. */
export async function startTestRuntime(options: TestRuntimeOptions): Promise<{
  runtime: Runtime;
  feed: ReturnType<typeof createRecordingFeed>;
  logger: ReturnType<typeof createMemoryLogger>;
}> {
  const feed = createRecordingFeed();
  const logger = createMemoryLogger('runtime-test');
  const runtime = await startRuntime({
    config: testConfig({ dataDir: options.dataDir, ...options.config }),
    logger,
    feed,
    env: { ...options.env },
    fixturesPage: saturdayFixtures,
    cms: options.cms,
    scraperCommand: FAKE_SCRAPER,
    scraperEnv: {
      ...process.env,
      FAKE_SCRAPER_PAGES: options.scraper.pages.map(testPage).join(','),
      FAKE_SCRAPER_INTERVAL_MS: String(options.scraper.intervalMs),
      ...(options.scraper.crashFirst ? { FAKE_SCRAPER_CRASH_FIRST: '1' } : {}),
    },
    scraperGraceMs: 1_000,
    scraperRestartDelayMs: 100,
    queues: FAST_QUEUES,
    databaseMaxPages: options.databaseMaxPages,
  });
  return { runtime, feed, logger };
}

export { eventually, isRunning } from '@live-scores/test-support';
