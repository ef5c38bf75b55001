import { createSanityCms, SanityStub } from '@live-scores/cms-sanity';
import { parseConfig } from '@live-scores/config';
import { createLogger, matchDay, type Cms } from '@live-scores/core';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import { startRuntime, type Runtime } from '@live-scores/runtime';
import type { ConfigFile, NotificationEvent, Scorecard, SubscriptionPreferences } from '@live-scores/schema';
import { startSimulator, type RunningSimulator } from '@live-scores/simulator';
import type { SoakOptions } from './soak-options.ts';

export const SOAK_CLUB = {
  name: 'Cleckheaton CC',
  teams: [
    { id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' },
    { id: 'secondTeam', label: '2nd XI', fixturesText: 'Cleckheaton CC - 2nd XI' },
    { id: 'thirdTeam', label: '3rd XI', fixturesText: 'Cleckheaton CC - 3rd XI' },
    { id: 'sundayTeam', label: 'Sunday XI', fixturesText: 'Cleckheaton CC - Sunday XI' },
  ],
};

/** The day's four matches in order: played out, tied, played out, abandoned. */
const OUTCOMES = [{}, { outcome: 'tie' as const }, {}, { outcome: 'abandoned' as const }];

/** The supporters' phones: what each asked for, and how its push service behaves. */
export const SUBSCRIBERS: { name: string; path: string; preferences?: SubscriptionPreferences }[] = [
  { name: 'everything', path: '/everything' },
  { name: '1st XI only', path: '/first-team', preferences: { teams: ['firstTeam'] } },
  { name: 'wickets and results', path: '/wickets', preferences: { kinds: ['wicket', 'result'] } },
  { name: 'uninstalled (410)', path: '/gone' },
  { name: 'throttled (429 burst)', path: '/busy' },
  { name: 'overloaded (503 burst)', path: '/flaky' },
];

/** What the operator feed told, across both runs of the runtime. */
export interface DayRecord {
  stored: Scorecard[];
  events: NotificationEvent[];
  errors: string[];
}

/** Everything of the day that outlives a runtime restart. */
export interface MatchDayWorld {
  simulator: RunningSimulator;
  receiver: PushReceiver;
  sanity: SanityStub;
  config: ConfigFile;
  record: DayRecord;
  poisonMatchId: string;
  /** Starts (or restarts) the runtime on the day's data dir. */
  startRuntime(): Promise<Runtime>;
  close(): Promise<void>;
}

const NEVER = 'cron(0 0 1 1 ? 2099)';

/**
 * The world around the runtime: the league site playing four club matches, the supporters'
 * push service, the club website's CMS (which chokes on one result: the poison message), and
 * a runtime factory whose queues duplicate and reorder messages.
 */
export async function openMatchDay(options: SoakOptions, dataDir: string): Promise<MatchDayWorld> {
  const simulator = await startSimulator({
    speed: options.speed,
    seed: options.seed,
    matches: 4,
    otherMatches: 0,
    oversPerSide: options.oversPerSide,
    startDelayMs: options.startDelayMs,
    staggerMs: options.staggerMs,
    club: SOAK_CLUB,
    perMatch: OUTCOMES,
  });
  const receiver = await startPushReceiver({ host: '127.0.0.1' });
  const sanity = new SanityStub();
  const apiHost = await sanity.start();
  const today = matchDay(new Date(), 'Europe/London');
  sanity.docs = SOAK_CLUB.teams.map((team, i) => ({
    _id: `fixture-${i}`,
    _rev: sanity.nextRev(),
    _type: 'fixture',
    team: team.id,
    date: today,
  }));

  const config = parseConfig(
    {
      club: { name: SOAK_CLUB.name, shortName: 'Cleckheaton', slug: 'soak' },
      league: { baseUrl: simulator.baseUrl, fixturesPath: new URL(simulator.fixturesUrl).pathname },
      teams: SOAK_CLUB.teams,
      schedule: { timeZone: 'Europe/London', findFixtures: NEVER, sweepScrapers: NEVER },
      // One push per event: the checks match each subscriber's pushes to the events one for one.
      notifications: { oversInterval: 1, digestSeconds: 0 },
      push: {
        vapidSubject: 'mailto:soak@cleckheatoncc.co.uk',
        allowedHosts: [new URL(receiver.origin).host],
      },
      scraper: { safetyPollSeconds: 5, tabPollSeconds: { min: 1, max: 2 } },
      server: { host: '127.0.0.1', port: 0, dataDir },
    },
    'soak configuration',
  );

  const poisonMatchId = simulator.matches[3]!.matchId;
  const sanityCms = createSanityCms({
    projectId: 'club',
    dataset: 'production',
    apiVersion: 'v2025-02-19',
    fixtureType: 'fixture',
    token: 'soak',
    apiHost,
  });
  const cms: Cms = {
    async recordResult(record) {
      if (record.matchId === poisonMatchId) throw new Error('the CMS rejects this result (poison)');
      return sanityCms.recordResult(record);
    },
    recordReport: (record) => sanityCms.recordReport(record),
  };

  const record: DayRecord = { stored: [], events: [], errors: [] };
  const logger = createLogger({
    service: 'soak',
    level: 'error',
    write: (line) => void record.errors.push(line),
  });
  const feed = {
    fixturesFound: () => {},
    scraperLaunched: () => {},
    scorecard: (scorecard: Scorecard) => void record.stored.push(scorecard),
    notification: (event: NotificationEvent) => void record.events.push(event),
    note: () => {},
  };

  return {
    simulator,
    receiver,
    sanity,
    config,
    record,
    poisonMatchId,
    startRuntime: () =>
      startRuntime({
        config,
        logger,
        feed,
        env: {},
        cms,
        scraperEnv: { ...process.env, LOG_LEVEL: 'error' },
        scraperGraceMs: 1_000,
        scraperRestartDelayMs: 200,
        oversPerSide: options.oversPerSide,
        queues: {
          maxReceives: 3,
          backoff: { firstMs: 20, maxMs: 200 },
          faults: {
            duplicateRate: options.duplicateRate,
            reorderRate: options.reorderRate,
            maxHoldMs: 40,
            seed: options.seed,
          },
        },
      }),
    async close() {
      await Promise.all([simulator.close(), receiver.close(), sanity.stop()]);
    },
  };
}
