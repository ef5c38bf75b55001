import type {
  Clock,
  Cms,
  FixturesTable,
  Logger,
  PushQueue,
  PushSender,
  ReportModel,
} from '@live-scores/core';
import {
  createEmbeddedScorecardTopic,
  createFileReportStore,
  createSqliteBroadcastWatermark,
  createSqliteDigestBuffer,
  createSqliteDeliveryClaims,
  createSqliteEventLog,
  createSqliteIdempotencyStore,
  createSqliteOverHistoryStore,
  createSqliteRulesStateStore,
  createSqliteScorecardStore,
  createSqliteSubscriptionStore,
  createWsConnections,
  type ChildProcessScraperFleet,
  type LocalDatabase,
} from '@live-scores/local';
import type { ConfigFile } from '@live-scores/schema';

export interface LocalPortsOptions {
  config: ConfigFile;
  database: LocalDatabase;
  dataDir: string;
  logger: Logger;
  clock: Clock;
  cms: Cms | undefined;
  reportModel: ReportModel | undefined;
  pushSender: PushSender;
}

/** The stores, topic and live connections of the single machine: the local adapter of each port. */
export function createLocalPorts(options: LocalPortsOptions) {
  const { config, database } = options;
  return {
    config,
    clock: options.clock,
    logger: options.logger,
    cms: options.cms,
    reportModel: options.reportModel,
    pushSender: options.pushSender,
    scorecardStore: createSqliteScorecardStore(database),
    overHistoryStore: createSqliteOverHistoryStore(database),
    /** One report per finished match, a file under `matches/<matchId>/report.json`. */
    reportStore: createFileReportStore(options.dataDir),
    subscriptions: createSqliteSubscriptionStore(database, {
      maxSubscriptions: config.server.subscriptions.max,
    }),
    rulesStates: createSqliteRulesStateStore(database),
    eventLog: createSqliteEventLog(database),
    idempotency: createSqliteIdempotencyStore(database),
    digests: createSqliteDigestBuffer(database),
    deliveryClaims: createSqliteDeliveryClaims(database),
    broadcastWatermark: createSqliteBroadcastWatermark(database),
    connections: createWsConnections({ maxBufferedBytes: config.server.live.maxBufferedKiB * 1024 }),
    scorecardTopic: createEmbeddedScorecardTopic(),
  };
}

export type LocalPorts = ReturnType<typeof createLocalPorts> & {
  pushQueue: PushQueue;
  fixturesTable: FixturesTable;
  scraperFleet: ChildProcessScraperFleet;
};
