import { createMemoryLogger } from '@live-scores/core';
import type { Scorecard } from '@live-scores/schema';
import { startRuntime, type Runtime } from '@live-scores/runtime';
import { createRecordingFeed, FAKE_SCRAPER, testConfig } from '@live-scores/runtime/testing';
import { TEAMS } from './fixtures.ts';

/*
 * The browser tests run the page against the real single-machine runtime: its HTTP server,
 * WebSocket, scorecard store and subscriptions store, on loopback and a temporary data dir.
 */

/** Noon on the match day of the test scorecards: "today" for `/api/scorecards`. */
const MATCH_DAY_NOON = new Date('2025-06-14T12:00:00.000Z');

/** A schedule that never fires: no fixture discovery, so no scraper and no Chromium of its own. */
const NEVER = 'cron(0 0 1 1 ? 2099)';

export interface LiveServerOptions {
  /** Kept across restarts: the scorecards and subscriptions the runtime stored live here. */
  dataDir: string;
  /** Listen on this port (to restart "the same server"); 0 picks a free one. */
  port?: number;
  /** Published as the scraper's captures would be, before the call returns. */
  scorecards?: Scorecard[];
  /** `host:port` of the loopback push service subscription endpoints point at. */
  pushHost?: string;
  /** Websites allowed to call the APIs (CORS), as a club site embedding the scoreboard. */
  pageOrigins?: string[];
}

export interface LiveServer {
  readonly origin: string;
  readonly port: number;
  readonly runtime: Runtime;
  /** Publishes a scorecard on the runtime's topic; resolves with Date.now() from just before. */
  publish(scorecard: Scorecard): Promise<number>;
  close(): Promise<void>;
}

/** The runtime configured with the page's teams, its clock on the test match day. */
export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const { dataDir } = options;
  const runtime = await startRuntime({
    config: testConfig({
      dataDir,
      teams: TEAMS.map(({ id, label }) => ({ id, label, fixturesText: `Cleckheaton CC - ${label}` })),
      schedule: { timeZone: 'Europe/London', findFixtures: NEVER, sweepScrapers: NEVER },
      push: {
        vapidSubject: 'mailto:scores@cleckheatoncc.co.uk',
        ...(options.pushHost ? { allowedHosts: [options.pushHost] } : {}),
      },
      server: { host: '127.0.0.1', port: options.port ?? 0, dataDir, pageOrigins: options.pageOrigins },
    }),
    logger: createMemoryLogger('web-browser-test'),
    feed: createRecordingFeed(),
    // No secrets from the developer's shell: VAPID keys are generated in (and reused from) dataDir.
    env: {},
    fixturesPage: {
      fetchHtml: () => Promise.reject(new Error('the browser tests never look for fixtures')),
    },
    scraperCommand: FAKE_SCRAPER,
    clock: { now: () => MATCH_DAY_NOON },
  });

  const publish = async (scorecard: Scorecard): Promise<number> => {
    const publishedAt = Date.now();
    await runtime.system.publishScorecard(scorecard);
    return publishedAt;
  };
  try {
    for (const scorecard of options.scorecards ?? []) await publish(scorecard);
    await runtime.system.idle();
  } catch (error) {
    await runtime.close();
    throw error;
  }

  const port = Number(new URL(runtime.url).port);
  return {
    origin: runtime.url,
    port,
    runtime,
    publish,
    close: () => runtime.close(),
  };
}
