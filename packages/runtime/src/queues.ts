import {
  consumerQueue,
  consumersOf,
  PIPELINE,
  type ConsumerName,
  type ConsumerQueue,
  type Pipeline,
} from '@live-scores/core';

/** The pipeline consumers the single machine runs (all but those only AWS needs), in the order data flows. */
export type LocalConsumer = {
  [N in ConsumerName]: 'local' extends Pipeline[N]['runtimes'][number] ? N : never;
}[ConsumerName];
export const LOCAL_CONSUMERS = consumersOf('local') as LocalConsumer[];

/** What a consumer's messages are, from the schema its queue validates them with. */
export type ConsumerMessage<N extends ConsumerName> = Pipeline[N]['message'] extends {
  parse(value: unknown): infer T;
}
  ? T
  : never;

/**
 * Every durable queue of the single-machine runtime (one per consumer, named as in the
 * pipeline) and the schema of its messages: the runtime, `live-scores dlq` and the import of
 * a JSON-era data dir read the same messages, so all must agree on what a valid message is.
 */
export const QUEUE_MESSAGES = Object.fromEntries(
  LOCAL_CONSUMERS.map((name) => [consumerQueue(name), PIPELINE[name].message]),
) as { [N in LocalConsumer as ConsumerQueue<N>]: Pipeline[N]['message'] };

export type QueueName = keyof typeof QUEUE_MESSAGES;
export const QUEUE_NAMES = Object.keys(QUEUE_MESSAGES) as QueueName[];

export const isQueueName = (name: string): name is QueueName => name in QUEUE_MESSAGES;
