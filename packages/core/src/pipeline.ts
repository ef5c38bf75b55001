import {
  BroadcastBatch,
  FixtureRecord,
  PushQueueMessage,
  Scorecard,
  ScorecardHtml,
} from '@live-scores/schema';
import { broadcastScorecard, deliverBroadcastBatch } from './use-cases/broadcast-scorecard.ts';
import { handlePushMessage } from './use-cases/handle-push-message.ts';
import { type FilterPolicy, GAME_OVER_FILTER_POLICY } from './use-cases/is-game-over.ts';
import { launchScraper } from './use-cases/launch-scraper.ts';
import { notifyRules } from './use-cases/notify-rules.ts';
import { parseScorecard } from './use-cases/parse-scorecard.ts';
import { recordOvers } from './use-cases/record-overs.ts';
import { storeScorecard } from './use-cases/store-scorecard.ts';
import { teardownScraper } from './use-cases/teardown-scraper.ts';
import { updateCms } from './use-cases/update-cms.ts';
import { writeMatchReport } from './use-cases/write-match-report.ts';

/** The outside things a consumer reaches, one port each (`ports/`), plus the clock and the logger. */
export type PortName =
  | 'scorecardTopic'
  | 'scorecardStore'
  | 'overHistoryStore'
  | 'reportStore'
  | 'reportModel'
  | 'cms'
  | 'fixturesTable'
  | 'scraperFleet'
  | 'connections'
  | 'connectionSender'
  | 'broadcastQueue'
  | 'broadcastWatermark'
  | 'rulesStates'
  | 'eventLog'
  | 'pushQueue'
  | 'digests'
  | 'pushSender'
  | 'subscriptions'
  | 'idempotency'
  | 'deliveryClaims'
  | 'clock'
  | 'logger';

/** The queues producers send to directly; every other consumer's queue is named after it. */
export type DirectQueue = 'html' | 'push' | 'broadcast-batch';

/** What feeds a consumer. Each consumer has one queue of its own (and dead letters). */
export type Feed =
  /** The scorecard topic, through the consumer's own subscribed queue, optionally filtered. */
  | { kind: 'topic'; filterPolicy?: FilterPolicy }
  /** A queue a producer sends to (the scraper, notify-rules, a large broadcast). */
  | { kind: 'queue'; queue: DirectQueue }
  /** Each new row of the fixtures table. */
  | { kind: 'new-fixtures' };

export type Runtime = 'aws' | 'local';

export interface PipelineConsumer {
  /** What it does, in one line. */
  description: string;
  feed: Feed;
  /** The zod schema every message on its queue must satisfy. */
  message: { safeParse(value: unknown): { success: boolean } };
  /** The use case each message runs. */
  useCase: (...args: never[]) => Promise<unknown>;
  ports: readonly PortName[];
  /** Where it runs: one process holds every live connection, so the single machine splits no broadcast. */
  runtimes: readonly Runtime[];
}

const everywhere: readonly Runtime[] = ['aws', 'local'];
const gameOver: Feed = { kind: 'topic', filterPolicy: GAME_OVER_FILTER_POLICY };

/**
 * The pipeline of both runtimes, in the order data flows: which queue or topic feeds each
 * consumer, the use case it runs and the ports it needs. The Lambda manifest extends each
 * entry with its AWS settings; the single-machine runtime creates one durable queue per entry.
 * A new consumer is one entry here, one in the manifest and its handler in each runtime.
 */
export const PIPELINE = {
  'launch-scraper': {
    description: "Starts (or joins) the club day's scraper host for each new fixture",
    feed: { kind: 'new-fixtures' },
    message: FixtureRecord,
    useCase: launchScraper,
    ports: ['fixturesTable', 'scraperFleet', 'logger'],
    runtimes: everywhere,
  },
  'parse-scorecard': {
    description: 'Parses captured match pages and publishes each Scorecard on the topic',
    feed: { kind: 'queue', queue: 'html' },
    message: ScorecardHtml,
    useCase: parseScorecard,
    ports: ['scorecardTopic', 'logger'],
    runtimes: everywhere,
  },
  'store-scorecard': {
    description: 'Stores the newest scorecard per team and match (monotonic conditional writes)',
    feed: { kind: 'topic' },
    message: Scorecard,
    useCase: storeScorecard,
    ports: ['scorecardStore', 'logger'],
    runtimes: everywhere,
  },
  'record-overs': {
    description:
      "Folds each scorecard into its match's over history (version-checked) and sends the pages a history that moved on",
    feed: { kind: 'topic' },
    message: Scorecard,
    useCase: recordOvers,
    ports: ['overHistoryStore', 'connections', 'connectionSender', 'broadcastQueue', 'logger'],
    runtimes: everywhere,
  },
  broadcast: {
    description:
      'Sends each scorecard newer than the last one broadcast to every live-page connection, splitting large audiences',
    feed: { kind: 'topic' },
    message: Scorecard,
    useCase: broadcastScorecard,
    ports: ['connections', 'connectionSender', 'broadcastWatermark', 'broadcastQueue', 'logger'],
    runtimes: everywhere,
  },
  'broadcast-batch': {
    description: 'Sends one slice of a large broadcast to its connections',
    feed: { kind: 'queue', queue: 'broadcast-batch' },
    message: BroadcastBatch,
    useCase: deliverBroadcastBatch,
    ports: ['connections', 'connectionSender', 'logger'],
    runtimes: ['aws'],
  },
  'notify-rules': {
    description:
      'Applies the notification rules to each scorecard (version-checked state) and queues events once',
    feed: { kind: 'topic' },
    message: Scorecard,
    useCase: notifyRules,
    ports: ['rulesStates', 'eventLog', 'pushQueue', 'logger'],
    runtimes: everywhere,
  },
  'update-cms': {
    description: "Records the result against the club's fixture in the CMS, once per match",
    feed: gameOver,
    message: Scorecard,
    useCase: updateCms,
    ports: ['cms', 'logger'],
    runtimes: everywhere,
  },
  'match-report': {
    description: 'Writes the match report once per finished match, stores it and sends it to the CMS',
    feed: gameOver,
    message: Scorecard,
    useCase: writeMatchReport,
    ports: ['reportStore', 'reportModel', 'cms', 'clock', 'logger'],
    runtimes: everywhere,
  },
  'teardown-scraper': {
    description: 'Terminates the scraper host once the last match it watches is over',
    feed: gameOver,
    message: Scorecard,
    useCase: teardownScraper,
    ports: ['fixturesTable', 'scraperFleet', 'clock', 'logger'],
    runtimes: everywhere,
  },
  'send-push': {
    description:
      "Holds each match's notification events in a short digest window, fans each window out to matching subscriptions and sends Web Push",
    feed: { kind: 'queue', queue: 'push' },
    message: PushQueueMessage,
    useCase: handlePushMessage,
    ports: [
      'pushSender',
      'subscriptions',
      'pushQueue',
      'digests',
      'idempotency',
      'deliveryClaims',
      'clock',
      'logger',
    ],
    runtimes: everywhere,
  },
} as const satisfies Record<string, PipelineConsumer>;

export type Pipeline = typeof PIPELINE;
export type ConsumerName = keyof Pipeline;

/** A consumer's queue: the direct queue that feeds it, else its own, named after it. */
export type ConsumerQueue<N extends ConsumerName> = Pipeline[N]['feed'] extends {
  queue: infer Q extends DirectQueue;
}
  ? Q
  : N;

export const CONSUMER_NAMES = Object.keys(PIPELINE) as ConsumerName[];

export function consumerQueue<N extends ConsumerName>(name: N): ConsumerQueue<N> {
  const feed: Feed = PIPELINE[name].feed;
  return (feed.kind === 'queue' ? feed.queue : name) as ConsumerQueue<N>;
}

/** The consumers one runtime runs, in the order data flows. */
export function consumersOf(runtime: Runtime): ConsumerName[] {
  return CONSUMER_NAMES.filter((name) => (PIPELINE[name].runtimes as readonly Runtime[]).includes(runtime));
}
