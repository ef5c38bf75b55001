import {
  findFixtures,
  matchDay,
  PIPELINE,
  relaunchLiveMatches,
  sweepScrapers,
  systemClock,
  type PushQueue,
} from '@live-scores/core';
import {
  createChildProcessScraperFleet,
  createEmbeddedPushQueue,
  createSqliteFixturesTable,
} from '@live-scores/local';
import type { Scorecard } from '@live-scores/schema';
import { scraperSettingsArgs } from '@live-scores/scraper/settings-args';
import { currentScorecards } from './current-scorecards.ts';
import { localConsumers } from './local-consumers.ts';
import { localHealth } from './local-health.ts';
import { createLocalPorts, type LocalPorts } from './local-ports.ts';
import type { OperatorFeed } from './operator-feed.ts';
import { createPipelineQueues, DEFAULT_QUEUE_SETTINGS } from './pipeline-queues.ts';
import type { LocalSystem, LocalSystemOptions } from './local-system-types.ts';
import { LOCAL_CONSUMERS } from './queues.ts';
import { StartupError } from './startup-error.ts';

export { DEFAULT_QUEUE_SETTINGS, type QueueSettings } from './pipeline-queues.ts';
export type { LocalSystem, LocalSystemOptions } from './local-system-types.ts';
export type { Health, ScraperHealth } from './local-health.ts';

/**
 * The data flow of design.md on one machine: the pipeline table's consumers, each on a durable
 * queue of its own, running the same use cases as the Lambdas behind the local adapters.
 */
export async function createLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const { config, logger, feed, database } = options;
  const clock = options.clock ?? systemClock;
  const today = (): string => matchDay(clock.now(), config.schedule.timeZone);
  const base = createLocalPorts({ ...options, clock });

  const latest = new Map<string, Scorecard>();
  try {
    for (const scorecard of await base.scorecardStore.listDay(today()))
      latest.set(scorecard.matchId, scorecard);
  } catch (error) {
    throw new StartupError(`corrupt database row, not starting: ${(error as Error).message}`);
  }

  const queues = createPipelineQueues({
    database,
    topic: base.scorecardTopic,
    logger,
    settings: options.queues ?? DEFAULT_QUEUE_SETTINGS,
  });
  // A delayed job (a push service's Retry-After) is stored with its delay, so a restart
  // during the wait still sends it.
  const pushQueue = createEmbeddedPushQueue({ send: (message, o) => queues.send('push', message, o) });
  const fixtures = createSqliteFixturesTable(database, {
    clock,
    // The fixture is recorded; a launch that cannot be queued (disk full) is logged, and the
    // next start re-watches every live fixture of the day.
    onInsert: (record) =>
      void queues.send('launch-scraper', record).catch((error: unknown) =>
        logger.error('launch-scraper queue refused a fixture', {
          matchId: record.matchId,
          teamId: record.teamId,
          error,
        }),
      ),
  });
  const fleet = createChildProcessScraperFleet({
    command: options.scraperCommand,
    htmlQueue: { send: (message) => queues.send('html', message) },
    logger,
    graceMs: options.scraperGraceMs ?? 3_000,
    restartDelayMs: options.scraperRestartDelayMs,
    env: options.scraperEnv,
    // The scraper stops by itself if this process dies without stopping it.
    extraArgs: ['--exit-with-parent', ...scraperSettingsArgs(config.scraper)],
  });
  const ports: LocalPorts = {
    ...base,
    fixturesTable: fixtures,
    scraperFleet: fleet,
    pushQueue: withNotificationsFed(pushQueue, feed),
  };
  const consumers = localConsumers({ ports, feed, latest, pageUrl: options.pageUrl });
  const start = (name: (typeof LOCAL_CONSUMERS)[number]): void =>
    queues.start(name, consumers[name] as never);

  // Each queue delivers its stored messages as soon as it exists. Scraper processes do not
  // outlive the runtime, so today's live matches get a new host before the fixtures-fed
  // queue starts: its redelivered launch requests then find their matches watched.
  const fedByFixtures = LOCAL_CONSUMERS.filter((name) => PIPELINE[name].feed.kind === 'new-fixtures');
  for (const name of LOCAL_CONSUMERS) if (!fedByFixtures.includes(name)) start(name);
  const relaunched = await relaunchLiveMatches({ fixtures, fleet, logger }, { date: today() });
  if (relaunched.kind === 'relaunched')
    feed.note(`re-watching live match ${relaunched.matchIds.join(', ')} after a restart`);
  for (const name of fedByFixtures) start(name);

  return {
    fixtures,
    fleet,
    store: ports.scorecardStore,
    reports: ports.reportStore,
    overs: ports.overHistoryStore,
    subscriptions: ports.subscriptions,
    connections: ports.connections,
    currentScorecards: currentScorecards(ports.scorecardStore, ports.broadcastWatermark, today),
    publishScorecard: (scorecard) => ports.scorecardTopic.publish(scorecard),

    async findFixtures() {
      const result = await findFixtures(
        { page: options.fixturesPage, fixtures, clock, logger },
        { timeZone: config.schedule.timeZone, league: config.league, teams: config.teams },
      );
      feed.fixturesFound(result);
      return result;
    },

    async sweepScrapers() {
      const swept = await sweepScrapers({ fleet, logger });
      if (swept.length > 0) feed.note(`evening sweep stopped ${swept.length} scraper(s)`);
    },

    health: () => localHealth({ fleet, latest, queues: queues.started, database }),

    async deadLetters() {
      return (await Promise.all(queues.started.map((q) => q.deadLetters()))).flat();
    },

    async idle() {
      // A message on one queue can put messages on the next: settle until all are empty at once.
      for (let round = 0; round < 20; round++) {
        await Promise.all(queues.started.map((q) => q.idle()));
        if (queues.started.every((q) => q.depth() === 0)) return;
      }
    },

    async close() {
      await fleet.close();
      for (const q of queues.started) q.close();
      // The deliveries already running finish first, so that what they write (an event
      // recorded, then queued) is not cut in half by the database closing under them.
      await within(Promise.all(queues.started.map((q) => q.settled())), CLOSE_DRAIN_MS);
    },
  };
}

/**
 * How long a stop waits for running deliveries. Longer ones (a push job on a slow push
 * service) are cut off: their messages stay leased in the database and run again at the next
 * start.
 */
const CLOSE_DRAIN_MS = 10_000;

async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work, timeout]);
  clearTimeout(timer);
}

/** The push queue, telling the operator of each notification it accepts. */
function withNotificationsFed(pushQueue: PushQueue, feed: OperatorFeed): PushQueue {
  return {
    async enqueueEvents(events) {
      await pushQueue.enqueueEvents(events);
      for (const event of events) feed.notification(event);
    },
    enqueueJobs: (jobs, o) => pushQueue.enqueueJobs(jobs, o),
    enqueueDigestFlush: (flush, o) => pushQueue.enqueueDigestFlush(flush, o),
  };
}
