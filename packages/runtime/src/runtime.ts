import { availableParallelism } from 'node:os';
import { createSqliteSubscriptionStore } from '@live-scores/local';
import { createSanityCms } from '@live-scores/cms-sanity';
import {
  createSubscriptionsHandler,
  pageConfigFor,
  createTokenBucketLimiter,
  resolveAllowedHosts,
  systemClock,
  type Clock,
  type Cms,
  type HttpRequest,
  type HttpResponse,
  type Logger,
  type RenderedPage,
  type ReportModel,
} from '@live-scores/core';
import { createWebPushSender } from '@live-scores/push';
import { createChatCompletionsModel } from '@live-scores/report-llm';
import type { ConfigFile } from '@live-scores/schema';
import { prepareDataDir } from './data-dir.ts';
import { claimDataDir } from './data-dir-owner.ts';
import { createChromiumRenderedPage } from '@live-scores/scraper';
import { startHttpServer, type RunningHttpServer } from './http-server.ts';
import { createLocalSystem, type Health, type LocalSystem, type QueueSettings } from './local-system.ts';
import type { OperatorFeed } from './operator-feed.ts';
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
  /**
   * Secrets and overrides: VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY, SANITY_TOKEN, LIVE_SCORES_LLM_API_KEY,
   * PUSH_ALLOWED_HOSTS.
   */
  env?: NodeJS.ProcessEnv;
  /** Look for fixtures straight away, not only at the scheduled times (`--now`, the demo). */
  discoverNow?: boolean;
  /**
   * The demo, or the club of the configuration (the default). A data dir belongs to the
   * first that used it; the other is refused there. The demo starts each run on a fresh
   * match day in its own data dir.
   */
  mode?: 'demo' | 'club';
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

/** Degraded: a scraper that should be watching is not running, a message was dead-lettered, or the disk is full. */
export function isHealthy(health: Health): boolean {
  return (
    health.deadLetters === 0 &&
    health.database.status === 'ok' &&
    health.scrapers.every((scraper) => scraper.alive)
  );
}

function cmsFrom(config: ConfigFile, env: NodeJS.ProcessEnv): Cms | undefined {
  const sanity = config.cms?.sanity;
  if (!sanity) return undefined;
  if (!env.SANITY_TOKEN)
    throw new StartupError('cms.sanity is configured but SANITY_TOKEN is not set in the environment');
  return createSanityCms({ ...sanity, token: env.SANITY_TOKEN });
}

/** The configured report model; its key (optional: local servers need none) from the environment. */
function reportModelFrom(config: ConfigFile, env: NodeJS.ProcessEnv): ReportModel | undefined {
  const llm = config.report.llm;
  return llm && createChatCompletionsModel({ ...llm, apiKey: env.LIVE_SCORES_LLM_API_KEY || undefined });
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
    const mode = options.mode ?? 'club';
    await claimDataDir(
      dataDir,
      { mode, club: config.club.slug },
      async () => createSqliteSubscriptionStore(database).count() > 0,
    );
    if (mode === 'demo') await clearMatchDay(database);

    const vapid = await loadVapidKeys(dataDir, env);
    if (vapid.source === 'generated')
      feed.note(`generated VAPID keys in ${dataDir} (keep them: subscriptions depend on them)`);
    let allowedHosts;
    try {
      allowedHosts = resolveAllowedHosts(config.push.allowedHosts, env.PUSH_ALLOWED_HOSTS);
    } catch (error) {
      throw new StartupError((error as Error).message);
    }
    const pushSender = createWebPushSender({
      vapid: { subject: config.push.vapidSubject, ...vapid.keys },
      // A fan-out to thousands is an ECDH agreement each: the other cores do those while this
      // thread keeps serving the page, the sockets and the queues.
      encryptionThreads: Math.max(1, availableParallelism() - 1),
    });
    cleanup.push(() => pushSender.close());
    const cms = options.cms ?? cmsFrom(config, env);
    const browserPage = options.fixturesPage
      ? undefined
      : createChromiumRenderedPage({ allowedHosts: config.scraper.allowedHosts, logger });
    if (browserPage) cleanup.push(() => browserPage.close());
    const pageUrl = config.server.publicUrl ?? '/';

    const system = await createLocalSystem({
      config,
      database,
      dataDir,
      logger,
      feed,
      scraperCommand: options.scraperCommand ?? scraperCommand(),
      scraperEnv: options.scraperEnv,
      scraperGraceMs: options.scraperGraceMs,
      scraperRestartDelayMs: options.scraperRestartDelayMs,
      fixturesPage: options.fixturesPage ?? browserPage!,
      cms,
      reportModel: reportModelFrom(config, env),
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
        creationLimiter: createTokenBucketLimiter({
          capacity: config.server.subscriptions.createBurst,
          refillPerSecond: config.server.subscriptions.createPerHour / 3600,
        }),
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
        trustProxy: config.server.trustProxy,
        live: config.server.live,
        healthToken: env.HEALTHZ_TOKEN,
        timeZone: config.schedule.timeZone,
        clock,
        store: system.store,
        reports: system.reports,
        overs: system.overs,
        currentScorecards: system.currentScorecards,
        connections: system.connections,
        subscriptionsApi: refusedWhenStorageFull(subscriptionsApi, () => database.health().status === 'full'),
        health: async () => {
          const details = await system.health();
          return { healthy: isHealthy(details), details: { ...details } };
        },
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
