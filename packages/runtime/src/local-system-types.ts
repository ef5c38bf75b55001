import type {
  Clock,
  Cms,
  CurrentScorecards,
  FindFixturesResult,
  FixturesTable,
  Logger,
  OverHistoryStore,
  PushSender,
  RenderedPage,
  ReportModel,
  ReportStore,
  ScorecardStore,
  SubscriptionStore,
} from '@live-scores/core';
import type { ChildProcessScraperFleet, DeadLetter, LocalDatabase, WsConnections } from '@live-scores/local';
import type { ConfigFile, Scorecard } from '@live-scores/schema';
import type { Health } from './local-health.ts';
import type { OperatorFeed } from './operator-feed.ts';
import type { QueueSettings } from './pipeline-queues.ts';

/** What the single-machine system is built from, and what it offers the runtime around it. */
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

export interface LocalSystem {
  fixtures: FixturesTable;
  fleet: ChildProcessScraperFleet;
  store: ScorecardStore;
  /** One report per finished match, under `matches/<matchId>/report.json`. */
  reports: ReportStore;
  /** Each match's over history, folded from its scorecards as they arrive. */
  overs: OverHistoryStore;
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
