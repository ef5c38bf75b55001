import {
  broadcastScorecard,
  handlePushMessage,
  launchScraper,
  notifyRules,
  notifyRulesOptionsFor,
  parseScorecard,
  recordOvers,
  reportNamingFor,
  storeScorecard,
  teardownScraper,
  updateCms,
  writeMatchReport,
} from '@live-scores/core';
import type { Scorecard } from '@live-scores/schema';
import type { LocalPorts } from './local-ports.ts';
import type { OperatorFeed } from './operator-feed.ts';
import type { ConsumerHandler } from './pipeline-queues.ts';
import type { LocalConsumer } from './queues.ts';

export interface LocalConsumersContext {
  ports: LocalPorts;
  feed: OperatorFeed;
  /** The newest stored scorecard of each match, for `health()`. */
  latest: Map<string, Scorecard>;
  /** Where notifications and the subscription confirmation link to. */
  pageUrl: string;
}

export type LocalConsumers = { [N in LocalConsumer]: ConsumerHandler<N> };

/**
 * What each pipeline consumer does with a message on the single machine: its use case with
 * the local ports, and a line for the operator where one is worth telling.
 */
export function localConsumers({ ports, feed, latest, pageUrl }: LocalConsumersContext): LocalConsumers {
  const { config, logger, clock } = ports;
  const timeZone = config.schedule.timeZone;
  const { scraperFleet: fleet, fixturesTable: fixtures } = ports;
  return {
    'launch-scraper': async (record) => {
      feed.scraperLaunched(await launchScraper({ fixtures, fleet, logger }, record));
    },
    'parse-scorecard': (message) => parseScorecard({ topic: ports.scorecardTopic, logger }, message),
    'store-scorecard': async (scorecard) => {
      const outcome = await storeScorecard({ store: ports.scorecardStore, logger }, scorecard, { timeZone });
      if (outcome.match === 'written') {
        latest.set(scorecard.matchId, scorecard);
        feed.scorecard(scorecard);
      }
    },
    'record-overs': (scorecard) =>
      recordOvers(
        {
          store: ports.overHistoryStore,
          connections: ports.connections.store,
          sender: ports.connections.sender,
          logger,
        },
        scorecard,
      ),
    broadcast: (scorecard) =>
      broadcastScorecard(
        {
          connections: ports.connections.store,
          sender: ports.connections.sender,
          watermark: ports.broadcastWatermark,
          logger,
        },
        scorecard,
      ),
    'notify-rules': (scorecard) =>
      notifyRules(
        { states: ports.rulesStates, eventLog: ports.eventLog, pushQueue: ports.pushQueue, logger },
        scorecard,
        notifyRulesOptionsFor(config, scorecard.teamId),
      ),
    'update-cms': (scorecard) => updateCms({ cms: ports.cms, logger }, scorecard, { timeZone }),
    'match-report': async (scorecard) => {
      const outcome = await writeMatchReport(
        { reports: ports.reportStore, model: ports.reportModel, cms: ports.cms, clock, logger },
        scorecard,
        { naming: reportNamingFor(config, scorecard.teamId), timeZone },
      );
      if (outcome.kind === 'written')
        feed.note(`match report for ${scorecard.matchId}: ${outcome.report.title}`);
    },
    'teardown-scraper': async (scorecard) => {
      const outcome = await teardownScraper({ fixtures, fleet, clock, logger }, scorecard, { timeZone });
      if (outcome.kind === 'terminated') feed.note(`scraper ${outcome.hostId} stopped: its matches are over`);
    },
    // Duplicated deliveries are done once: each fan-out, digest flush and job is recorded as
    // an idempotency claim, and each job claims its subscriptions before sending. A job read back lists its subscriptions as they are now: when all have
    // unsubscribed, nothing is left to send.
    'send-push': async (message) => {
      if (message.type === 'send-push' && message.subscriptions.length === 0) return;
      await handlePushMessage(
        {
          sender: ports.pushSender,
          subscriptions: ports.subscriptions,
          pushQueue: ports.pushQueue,
          idempotency: ports.idempotency,
          digests: ports.digests,
          clock,
          claims: ports.deliveryClaims,
          logger,
        },
        message,
        {
          pageUrl,
          ttlSeconds: config.push.ttlSeconds,
          digestMs: config.notifications.digestSeconds * 1000,
        },
      );
    },
  };
}
