import { consumerQueue, matchesFilterPolicy, PIPELINE, type Feed, type Logger } from '@live-scores/core';
import {
  createSqliteQueue,
  type EmbeddedQueue,
  type EmbeddedTopic,
  type LocalDatabase,
  type QueueFaults,
  type SqliteQueue,
} from '@live-scores/local';
import type { Scorecard } from '@live-scores/schema';
import { type ConsumerMessage, type LocalConsumer, type QueueName } from './queues.ts';
import { queueCodecs } from './runtime-database.ts';

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

export type ConsumerHandler<N extends LocalConsumer> = (message: ConsumerMessage<N>) => Promise<unknown>;

export interface PipelineQueues {
  /**
   * Creates the consumer's durable queue, which starts delivering its stored messages at once,
   * and subscribes it to the scorecard topic (with its filter) when the topic feeds it.
   */
  start<N extends LocalConsumer>(name: N, handler: ConsumerHandler<N>): void;
  /** Puts a message on a started queue; rejects when the queue is not started. */
  send(queue: QueueName, message: unknown, options?: { delayMs?: number }): Promise<void>;
  /** The started queues, in the order they started. */
  readonly started: readonly EmbeddedQueue<unknown>[];
}

export interface PipelineQueuesOptions {
  database: LocalDatabase;
  topic: EmbeddedTopic<Scorecard>;
  logger: Logger;
  settings: QueueSettings;
}

/** Log fields naming a message: a scorecard's or a fixture's match, or a push message's event's. */
function describe(message: unknown): Record<string, unknown> {
  const m = message as { matchId?: string; teamId?: string; event?: { matchId: string; teamId: string } };
  return { matchId: m.matchId ?? m.event?.matchId, teamId: m.teamId ?? m.event?.teamId };
}

/**
 * The queues every ball passes through deliver several messages at once, one match's in
 * order and the matches side by side: with eight live matches a queue that took one message
 * at a time would make each wait for the others' commits. Push jobs need no order. The other
 * queues deliver one at a time: launching and stopping scrapers must not race each other.
 */
const SIDE_BY_SIDE: Partial<
  Record<LocalConsumer, { concurrency: number; byMatch: boolean; perMatch?: number }>
> = {
  // Parsing publishes before it first waits, so a match's next page can be parsed while the
  // scorecard before it is being made durable on the subscribed queues.
  'parse-scorecard': { concurrency: 16, byMatch: true, perMatch: 2 },
  'store-scorecard': { concurrency: 8, byMatch: true },
  // Broadcasting moves the match's watermark before it first waits: the next scorecard's
  // diff is taken against this one while this one's mark is made durable, and is sent after it.
  broadcast: { concurrency: 16, byMatch: true, perMatch: 2 },
  'notify-rules': { concurrency: 8, byMatch: true },
  'send-push': { concurrency: 4, byMatch: false },
};

const matchOf = (message: unknown): string => String(describe(message).matchId);

/** One durable queue per pipeline consumer, in the database, fed as the pipeline table says. */
export function createPipelineQueues(options: PipelineQueuesOptions): PipelineQueues {
  const { database, logger, settings, topic } = options;
  const codecs = queueCodecs(database);
  const queues = new Map<QueueName, SqliteQueue<unknown>>();
  const started: EmbeddedQueue<unknown>[] = [];

  return {
    started,
    start(name, handler) {
      const queueName = consumerQueue(name) as QueueName;
      const delivery = SIDE_BY_SIDE[name];
      const queue = createSqliteQueue<unknown>(database, {
        name: queueName,
        codec: codecs[queueName],
        logger,
        maxReceives: settings.maxReceives,
        backoff: settings.backoff,
        faults: settings.faults && { ...settings.faults, seed: `${settings.faults.seed}:${queueName}` },
        handler: async (message) => void (await handler(message as never)),
        describe,
        concurrency: delivery?.concurrency ?? 1,
        ...(delivery?.byMatch ? { orderKey: matchOf, perKey: delivery.perMatch ?? 1 } : {}),
      });
      queues.set(queueName, queue);
      started.push(queue);
      const feed: Feed = PIPELINE[name].feed;
      if (feed.kind === 'topic') {
        const policy = feed.filterPolicy;
        topic.subscribe(
          queue as EmbeddedQueue<never>,
          policy && ((attributes) => matchesFilterPolicy(policy, attributes)),
        );
      }
    },
    send(queueName, message, sendOptions) {
      const queue = queues.get(queueName);
      if (!queue) return Promise.reject(new Error(`queue ${queueName} is not started`));
      return queue.send(message, sendOptions);
    },
  };
}
