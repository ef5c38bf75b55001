import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@live-scores/config';
import { createLogger, systemClock } from '@live-scores/core';
import { startRuntime, type Runtime } from '@live-scores/runtime';
import type { ConfigFileInput } from '@live-scores/schema';

/** A schedule that never fires during a run: nothing is discovered or swept behind the benchmark's back. */
export const NEVER = 'cron(0 0 1 1 ? 2099)';

export interface PageRuntimeOptions {
  /** The club's slug, which also names the temporary data directory. */
  slug: string;
  teams: ConfigFileInput['teams'];
  notifications?: ConfigFileInput['notifications'];
}

export interface PageRuntime {
  runtime: Runtime;
  /** Stops the runtime and removes its data directory. */
  close(): Promise<void>;
}

/**
 * The single-machine runtime serving the supporters' page and its APIs on loopback, with no
 * scraper and no schedule: a benchmark publishes the scorecards itself.
 */
export async function startPageRuntime(options: PageRuntimeOptions): Promise<PageRuntime> {
  const dataDir = await mkdtemp(join(tmpdir(), `bench-${options.slug}-`));
  try {
    const config = parseConfig(
      {
        club: { name: 'Cleckheaton CC', shortName: 'Cleckheaton', slug: options.slug },
        league: {
          baseUrl: 'https://bradfordcl.play-cricket.com',
          fixturesPath: '/website/web_pages/315262',
        },
        teams: options.teams,
        schedule: { timeZone: 'Europe/London', findFixtures: NEVER, sweepScrapers: NEVER },
        ...(options.notifications ? { notifications: options.notifications } : {}),
        push: { vapidSubject: 'mailto:bench@cleckheatoncc.co.uk' },
        server: { host: '127.0.0.1', port: 0, dataDir },
      },
      `${options.slug} benchmark`,
    );
    const runtime = await startRuntime({
      config,
      logger: createLogger({ service: 'bench', level: 'error' }),
      feed: { fixturesFound() {}, scraperLaunched() {}, scorecard() {}, notification() {}, note() {} },
      fixturesPage: { fetchHtml: async () => '' },
      clock: systemClock,
    });
    return {
      runtime,
      async close() {
        await runtime.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
