import {
  broadcastScorecard,
  findFixtures,
  handlePushMessage,
  launchScraper,
  matchDay,
  notifyRules,
  notifyRulesOptionsFor,
  parseScorecard,
  storeScorecard,
  sweepScrapers,
  systemClock,
  teardownScraper,
  updateCms,
  reportNamingFor,
  writeMatchReport,
  type Clock,
  type Cms,
  type CurrentScorecards,
  type FindFixturesResult,
  type FixturesTable,
  type Logger,
  type PushQueue,
  type PushSender,
  type RenderedPage,
  type ReportModel,
  type ReportStore,
  type ScorecardStore,
  type SubscriptionStore,
  type WatchedMatch,
} from '@live-scores/core';
import {
  createChildProcessScraperFleet,
  createEmbeddedPushQueue,
  createEmbeddedScorecardTopic,
  createFileReportStore,
  createSqliteBroadcastWatermark,
  createSqliteEventLog,
  createSqliteFixturesTable,
  createSqliteIdempotencyStore,
  createSqliteQueue,
  createSqliteRulesStateStore,
  createSqliteScorecardStore,
  createSqliteSubscriptionStore,
  createWsConnections,
  gameOverFilter,
  type ChildProcessScraperFleet,
  type DeadLetter,
  type EmbeddedQueue,
  type LocalDatabase,
  type QueueFaults,
  type SqliteQueue,
  type StorageHealth,
  type WsConnections,
} from '@live-scores/local';
import type {
  ConfigFile,
  FixtureRecord,
  PushQueueMessage,
  Scorecard,
  ScorecardHtml,
} from '@live-scores/schema';
import type { OperatorFeed } from './operator-feed.ts';
import type { QueueName } from './queues.ts';
import { queueCodecs } from './runtime-database.ts';
import { StartupError } from './startup-error.ts';

export interface QueueSettings {
  /** Deliveries before a message is dead-lettered. */
  maxReceives: number;
  backoff: { firstMs: number; maxMs: number };
  /** Injected duplicates and reorders (the soak); each queue draws from its own seed. */
  faults?: QueueFaults;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  maxReceives: 5,
  backoff: { firstMs: 500, maxMs: 30_000 },
};

export interface LocalSystemOptions {
  config: ConfigFile;
  /** The data dir's database, open (and so held) for this runtime. */
  database: LocalDatabase;
  /** The data dir itself: match reports are files under `matches/`, written once each. */
  dataDir: string;
  logger: Logger;
  feed: OperatorFeed;
  /** The program that runs `scrape … --out -` (see `scraperCommand()`). */
  scraperCommand: readonly [string, ...string[]];
  scraperEnv?: NodeJS.ProcessEnv;
  /** SIGTERM, then SIGKILL after this long. */
  scraperGraceMs?: number;
  scraperRestartDelayMs?: number;
  /** How find-fixtures reads the league's fixtures page. */
  fixturesPage: RenderedPage;
  cms: Cms | undefined;
  /** Retells match reports; undefined when `report.llm` is not configured. */
  reportModel: ReportModel | undefined;
  pushSender: PushSender;
  /** Where notifications and the subscription confirmation link to. */
  pageUrl: string;
  queues?: QueueSettings;
  clock?: Clock;
}

export interface ScraperHealth {
  hostId: string;
  pid: number | undefined;
  alive: boolean;
  matchIds: string[];
}

export interface Health {
  scrapers: ScraperHealth[];
  /** The newest stored scorecard of each match seen since start (or today, on disk). */
  lastScorecards: { matchId: string; teamId: string; status: string; seq: number; capturedAt: string }[];
  queues: { queue: string; depth: number; deadLetters: number }[];
  deadLetters: number;
  database: StorageHealth;
}

export interface LocalSystem {
  fixtures: FixturesTable;
  fleet: ChildProcessScraperFleet;
  store: ScorecardStore;
  /** One report per finished match, under `matches/<matchId>/report.json`. */
  reports: ReportStore;
  subscriptions: SubscriptionStore;
  connections: WsConnections;
  currentScorecards: CurrentScorecards;
  /**
   * Puts a scorecard on the scorecard topic, as parse-scorecard does with every new capture:
   * each consumer (store, broadcast, notify-rules, …) receives it. For simulations and tests
   * that start from a `Scorecard` rather than a league page.
   */
  publishScorecard(scorecard: Scorecard): Promise<void>;
  findFixtures(): Promise<FindFixturesResult>;
  sweepScrapers(): Promise<void>;
  health(): Promise<Health>;
  /** Every queue's dead letters, messages as stored (a push job lists subscription ids). */
  deadLetters(): Promise<DeadLetter<unknown>[]>;
  /** Resolves when every queue is empty (tests, orderly shutdown). */
  idle(): Promise<void>;
  /** Stops the scrapers and the queues; unfinished messages stay in the database for the next start. */
  close(): Promise<void>;
}

const pidAlive = (pid: number | undefined): boolean => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const watched = (f: FixtureRecord): WatchedMatch => ({ matchId: f.matchId, teamId: f.teamId, url: f.url });

/**
 * The data flow of design.md on one machine: the same use cases as the Lambdas, behind the
 * local adapters. Fixtures (file) → launch-scraper queue → child-process scraper → html queue →
 * parse → scorecard topic → one durable queue per consumer (store, broadcast, notify-rules →
 * push queue → send-push; and, for final scorecards only, update-cms, match-report and
 * teardown-scraper).
 */
export async function createLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const { config, logger, feed } = options;
  const timeZone = config.schedule.timeZone;
  const clock = options.clock ?? systemClock;
  const settings = options.queues ?? DEFAULT_QUEUE_SETTINGS;
  const today = (): string => matchDay(clock.now(), timeZone);

  const { database } = options;
  const codecs = queueCodecs(database);
  const store = createSqliteScorecardStore(database);
  const reports = createFileReportStore(options.dataDir);
  const latest = new Map<string, Scorecard>();
  try {
    for (const scorecard of await store.listDay(today())) latest.set(scorecard.matchId, scorecard);
  } catch (error) {
    throw new StartupError(`corrupt database row, not starting: ${(error as Error).message}`);
  }

  const subscriptions = createSqliteSubscriptionStore(database, {
    maxSubscriptions: config.server.subscriptions.max,
  });
  const states = createSqliteRulesStateStore(database);
  const eventLog = createSqliteEventLog(database);
  const idempotency = createSqliteIdempotencyStore(database);
  const watermark = createSqliteBroadcastWatermark(database);
  const connections = createWsConnections({ maxBufferedBytes: config.server.live.maxBufferedKiB * 1024 });
  const topic = createEmbeddedScorecardTopic();
  const queues: EmbeddedQueue<unknown>[] = [];

  function queue<T>(name: QueueName, handler: (message: T) => Promise<unknown>): SqliteQueue<T> {
    const created = createSqliteQueue<T>(database, {
      name,
      codec: codecs[name] as never,
      logger,
      maxReceives: settings.maxReceives,
      backoff: settings.backoff,
      faults: settings.faults && { ...settings.faults, seed: `${settings.faults.seed}:${name}` },
      handler: async (message) => void (await handler(message)),
      describe: (message) => {
        const m = message as {
          matchId?: string;
          teamId?: string;
          event?: { matchId: string; teamId: string };
        };
        return { matchId: m.matchId ?? m.event?.matchId, teamId: m.teamId ?? m.event?.teamId };
      },
    });
    queues.push(created as EmbeddedQueue<unknown>);
    return created;
  }

  // Consumers first: the html queue starts redelivering its stored messages as soon as it exists.
  // A delayed job (a push service's Retry-After) is stored with its delay, so a restart
  // during the wait still sends it.
  const pushQueue = createEmbeddedPushQueue({ send: (message, o) => push.send(message, o) });
  const pushQueueAdapter: PushQueue = {
    async enqueueEvents(events) {
      await pushQueue.enqueueEvents(events);
      for (const event of events) feed.notification(event);
    },
    enqueueJobs: (jobs, o) => pushQueue.enqueueJobs(jobs, o),
  };
  // Duplicated deliveries are done once: each fan-out and job is recorded as an idempotency claim.
  // A job read back lists its subscriptions as they are now: when all have unsubscribed, nothing is left to send.
  const push = queue<PushQueueMessage>('push', async (message) => {
    if (message.type === 'send-push' && message.subscriptions.length === 0) return;
    await handlePushMessage(
      { sender: options.pushSender, subscriptions, pushQueue: pushQueueAdapter, idempotency, logger },
      message,
      { pageUrl: options.pageUrl, ttlSeconds: config.push.ttlSeconds },
    );
  });

  const fixtures = createSqliteFixturesTable(database, {
    clock,
    // The fixture is recorded; a launch that cannot be queued (disk full) is logged, and the
    // next start re-watches every live fixture of the day.
    onInsert: (record) =>
      void launchQueue.send(record).catch((error: unknown) =>
        logger.error('launch-scraper queue refused a fixture', {
          matchId: record.matchId,
          teamId: record.teamId,
          error,
        }),
      ),
  });

  topic.subscribe(
    queue<Scorecard>('store-scorecard', async (scorecard) => {
      const outcome = await storeScorecard(scorecard, { store, timeZone, logger });
      if (outcome.match === 'written') {
        latest.set(scorecard.matchId, scorecard);
        feed.scorecard(scorecard);
      }
    }),
  );
  topic.subscribe(
    queue<Scorecard>('broadcast', (scorecard) =>
      broadcastScorecard(
        { connections: connections.store, sender: connections.sender, watermark, logger },
        scorecard,
      ),
    ),
  );
  topic.subscribe(
    queue<Scorecard>('notify-rules', (scorecard) =>
      notifyRules(
        { states, eventLog, pushQueue: pushQueueAdapter, logger },
        scorecard,
        notifyRulesOptionsFor(config, scorecard.teamId),
      ),
    ),
  );
  topic.subscribe(
    queue<Scorecard>('update-cms', (scorecard) =>
      updateCms(scorecard, { cms: options.cms, timeZone, logger }),
    ),
    gameOverFilter,
  );
  topic.subscribe(
    queue<Scorecard>('match-report', async (scorecard) => {
      const outcome = await writeMatchReport(scorecard, reportNamingFor(config, scorecard.teamId), {
        reports,
        model: options.reportModel,
        cms: options.cms,
        clock,
        timeZone,
        logger,
      });
      if (outcome.kind === 'written')
        feed.note(`match report for ${scorecard.matchId}: ${outcome.report.title}`);
    }),
    gameOverFilter,
  );
  topic.subscribe(
    queue<Scorecard>('teardown-scraper', async (scorecard) => {
      const outcome = await teardownScraper(scorecard, { fixtures, fleet, clock, timeZone, logger });
      if (outcome.kind === 'terminated') feed.note(`scraper ${outcome.hostId} stopped: its matches are over`);
    }),
    gameOverFilter,
  );

  const htmlQueue = queue<ScorecardHtml>('html', (message) => parseScorecard(message, { topic, logger }));
  const fleet = createChildProcessScraperFleet({
    command: options.scraperCommand,
    htmlQueue,
    logger,
    graceMs: options.scraperGraceMs ?? 3_000,
    restartDelayMs: options.scraperRestartDelayMs,
    env: options.scraperEnv,
    extraArgs: scraperSettingsArgs(config.scraper),
  });

  // Scraper processes do not outlive the runtime: today's live matches get a new host. This
  // runs before the launch queue exists, so its redelivered messages find them watched.
  const orphans = await fixtures.listLive(today());
  if (orphans.length > 0) {
    const host = await fleet.start(today(), orphans.map(watched));
    for (const f of orphans) await fixtures.assignHost(f.date, f.matchId, host.id);
    logger.info('scraper relaunched for live matches after a restart', {
      hostId: host.id,
      matchIds: orphans.map((f) => f.matchId),
    });
    feed.note(`re-watching live match ${orphans.map((f) => f.matchId).join(', ')} after a restart`);
  }

  const launchQueue = queue<FixtureRecord>('launch-scraper', async (record) => {
    feed.scraperLaunched(await launchScraper(record, { fixtures, fleet, logger }));
  });

  return {
    fixtures,
    fleet,
    store,
    reports,
    subscriptions,
    connections,
    currentScorecards: { list: () => store.listDay(today()) },
    publishScorecard: (scorecard) => topic.publish(scorecard),

    async findFixtures() {
      const result = await findFixtures({
        page: options.fixturesPage,
        fixtures,
        clock,
        timeZone,
        league: config.league,
        teams: config.teams,
        logger,
      });
      feed.fixturesFound(result);
      return result;
    },

    async sweepScrapers() {
      const swept = await sweepScrapers({ fleet, logger });
      if (swept.length > 0) feed.note(`evening sweep stopped ${swept.length} scraper(s)`);
    },

    async health() {
      const hosts = await fleet.list();
      const queueStats = await Promise.all(
        queues.map(async (q) => ({
          queue: q.name,
          depth: q.depth(),
          deadLetters: (await q.deadLetters()).length,
        })),
      );
      return {
        scrapers: hosts.map((h) => {
          const pid = fleet.pidOf(h.id);
          return { hostId: h.id, pid, alive: pidAlive(pid), matchIds: h.matches.map((m) => m.matchId) };
        }),
        lastScorecards: [...latest.values()].map((s) => ({
          matchId: s.matchId,
          teamId: s.teamId,
          status: s.status,
          seq: s.seq,
          capturedAt: s.capturedAt,
        })),
        queues: queueStats,
        deadLetters: queueStats.reduce((sum, q) => sum + q.deadLetters, 0),
        database: database.health(),
      };
    },

    async deadLetters() {
      return (await Promise.all(queues.map((q) => q.deadLetters()))).flat();
    },

    async idle() {
      // A message on one queue can put messages on the next: settle until all are empty at once.
      for (let round = 0; round < 20; round++) {
        await Promise.all(queues.map((q) => q.idle()));
        if (queues.every((q) => q.depth() === 0)) return;
      }
    },

    async close() {
      await fleet.close();
      for (const q of queues) q.close();
    },
  };
}

/** The configured scraper settings as the scrape command's flags. */
export function scraperSettingsArgs(settings: ConfigFile['scraper']): string[] {
  return [
    '--exit-with-parent',
    ...settings.allowedHosts.flatMap((host) => ['--allow-host', host]),
    '--safety-poll-seconds',
    String(settings.safetyPollSeconds),
    '--reload-minutes',
    String(settings.reloadMinutes),
    '--tab-poll-seconds',
    `${settings.tabPollSeconds.min},${settings.tabPollSeconds.max}`,
  ];
}
