import { createSanityCms } from '@live-scores/cms-sanity';
import {
  createSubscriptionsHandler,
  createTokenBucketLimiter,
  resolveAllowedHosts,
  systemClock,
  type Clock,
  type Cms,
  type HttpRequest,
  type HttpResponse,
  type Logger,
  type RenderedPage,
} from '@live-scores/core';
import { createWebPushSender } from '@live-scores/push';
import type { ConfigFile } from '@live-scores/schema';
import { prepareDataDir } from './data-dir.ts';
import { createChromiumRenderedPage } from '@live-scores/scraper';
import { startHttpServer, type RunningHttpServer } from './http-server.ts';
import { createLocalSystem, type LocalSystem, type QueueSettings } from './local-system.ts';
import type { OperatorFeed } from './operator-feed.ts';
import { pageConfigFor } from './page-config.ts';
import { clearMatchDay, openRuntimeDatabase } from './runtime-database.ts';
import { scraperCommand } from './scraper-command.ts';
import { startScheduler } from './scheduler.ts';
import { describeErrno, StartupError } from './startup-error.ts';
import { WEB_PUBLIC_DIR } from './static-files.ts';
import { loadVapidKeys } from './vapid-keys.ts';

export interface RuntimeOptions {
  config: ConfigFile;
  logger: Logger;
  feed: OperatorFeed;
  /** Secrets and overrides: VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY, SANITY_TOKEN, PUSH_ALLOWED_HOSTS. */
  env?: NodeJS.ProcessEnv;
  /** Look for fixtures straight away, not only at the scheduled times (`--now`, the demo). */
  discoverNow?: boolean;
  /** Overs per side the page assumes for "need N from M balls". */
  oversPerSide?: number;
  /** Test seams; the defaults are the real things. */
  fixturesPage?: RenderedPage;
  cms?: Cms;
  scraperCommand?: readonly [string, ...string[]];
  scraperEnv?: NodeJS.ProcessEnv;
  scraperGraceMs?: number;
  scraperRestartDelayMs?: number;
  queues?: QueueSettings;
  clock?: Clock;
  webRoot?: string;
  /** Starts a new match day: fixtures, rules state, events, queues and scorecards cleared (the demo). */
  freshMatchDay?: boolean;
  /** Caps the database at this many pages: how tests fill the disk. */
  databaseMaxPages?: number;
}

export interface Runtime {
  readonly url: string;
  readonly dataDir: string;
  readonly vapidPublicKey: string;
  readonly system: LocalSystem;
  /** Stops the scheduler, the server, the scrapers and the queues, then frees the data dir. */
  close(): Promise<void>;
}

function cmsFrom(config: ConfigFile, env: NodeJS.ProcessEnv): Cms | undefined {
  const sanity = config.cms?.sanity;
  if (!sanity) return undefined;
  if (!env.SANITY_TOKEN)
    throw new StartupError('cms.sanity is configured but SANITY_TOKEN is not set in the environment');
  return createSanityCms({ ...sanity, token: env.SANITY_TOKEN });
}

/**
 * A subscription the database could not store because the disk is full is answered 503
 * (try later), not 500: nothing is wrong with the request, and nothing stored was lost.
 */
function refusedWhenStorageFull(
  api: (request: HttpRequest) => Promise<HttpResponse>,
  full: () => boolean,
): (request: HttpRequest) => Promise<HttpResponse> {
  const refusal = (headers: Record<string, string> = {}): HttpResponse => ({
    status: 503,
    headers: { ...headers, 'content-type': 'application/json', 'retry-after': '300' },
    body: JSON.stringify({ error: 'storage is full: not accepting subscriptions for now' }),
  });
  return async (request) => {
    try {
      const answer = await api(request);
      return answer.status >= 500 && full() ? refusal(answer.headers) : answer;
    } catch (error) {
      if (full()) return refusal();
      throw error;
    }
  };
}

/**
 * Starts the whole single-machine system on the configured data dir and address. Anything
 * the operator must fix first (an unwritable or corrupt data dir, a port in use, a missing
 * secret) is a `StartupError` with one line, and whatever had started is stopped again.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, logger, feed } = options;
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const cleanup: (() => Promise<void> | void)[] = [];
  const closeAll = async (): Promise<void> => {
    for (const step of cleanup.reverse()) await step();
    cleanup.length = 0;
  };

  try {
    const dataDir = await prepareDataDir(config.server.dataDir);
    const database = await openRuntimeDatabase(dataDir, {
      logger,
      owner: true,
      maxPageCount: options.databaseMaxPages,
    });
    cleanup.push(() => database.close());
    if (options.freshMatchDay) await clearMatchDay(database);

    const vapid = await loadVapidKeys(dataDir, env);
    if (vapid.source === 'generated')
      feed.note(`generated VAPID keys in ${dataDir} (keep them: subscriptions depend on them)`);
    let allowedHosts;
    try {
      allowedHosts = resolveAllowedHosts(config.push.allowedHosts, env.PUSH_ALLOWED_HOSTS);
    } catch (error) {
      throw new StartupError((error as Error).message);
    }
    const pushSender = createWebPushSender({ vapid: { subject: config.push.vapidSubject, ...vapid.keys } });
    cleanup.push(() => pushSender.close());
    const cms = options.cms ?? cmsFrom(config, env);
    const browserPage = options.fixturesPage ? undefined : createChromiumRenderedPage();
    if (browserPage) cleanup.push(() => browserPage.close());
    const pageUrl = config.server.publicUrl ?? '/';

    const system = await createLocalSystem({
      config,
      database,
      logger,
      feed,
      scraperCommand: options.scraperCommand ?? scraperCommand(),
      scraperEnv: options.scraperEnv,
      scraperGraceMs: options.scraperGraceMs,
      scraperRestartDelayMs: options.scraperRestartDelayMs,
      fixturesPage: options.fixturesPage ?? browserPage!,
      cms,
      pushSender,
      pageUrl,
      queues: options.queues,
      clock,
    });
    cleanup.push(() => system.close());

    const subscriptionsApi = createSubscriptionsHandler(
      {
        subscriptions: system.subscriptions,
        sender: pushSender,
        logger,
        rateLimiter: createTokenBucketLimiter({ capacity: 30, refillPerSecond: 1 }),
      },
      {
        teams: config.teams,
        pageUrl,
        allowedHosts,
        pageOrigins: config.server.pageOrigins,
        vapidPublicKey: vapid.keys.publicKey,
      },
    );

    let server: RunningHttpServer;
    try {
      server = await startHttpServer({
        host: config.server.host,
        port: config.server.port,
        webRoot: options.webRoot ?? WEB_PUBLIC_DIR,
        pageConfig: pageConfigFor(config, vapid.keys.publicKey, { oversPerSide: options.oversPerSide }),
        pageOrigins: config.server.pageOrigins,
        timeZone: config.schedule.timeZone,
        clock,
        store: system.store,
        currentScorecards: system.currentScorecards,
        connections: system.connections,
        subscriptionsApi: refusedWhenStorageFull(subscriptionsApi, () => database.health().status === 'full'),
        health: () => system.health() as unknown as Promise<Record<string, unknown>>,
        logger,
      });
    } catch (error) {
      throw new StartupError(
        `cannot listen on ${config.server.host}:${config.server.port}: ${describeErrno(error)} (set PORT or HOST)`,
      );
    }
    cleanup.push(() => server.close());

    const scheduler = startScheduler(
      [
        {
          name: 'find-fixtures',
          expression: config.schedule.findFixtures,
          run: async () => void (await system.findFixtures()),
        },
        {
          name: 'sweep-scrapers',
          expression: config.schedule.sweepScrapers,
          run: () => system.sweepScrapers(),
        },
      ],
      { timeZone: config.schedule.timeZone, logger },
    );
    cleanup.push(() => scheduler.stop());

    if (options.discoverNow) {
      system.findFixtures().catch((error: unknown) => {
        logger.error('fixture discovery failed', { error });
        feed.note(`fixture discovery failed: ${(error as Error).message} (retrying on the schedule)`);
      });
    }

    return {
      url: server.url,
      dataDir,
      vapidPublicKey: vapid.keys.publicKey,
      system,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
