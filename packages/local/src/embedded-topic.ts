import type { EmbeddedQueue } from './embedded-queue.ts';

export type Attributes = Readonly<Record<string, string>>;

export interface EmbeddedTopic<T> {
  /** Every published message goes to `queue` (a copy), when `filter` lets it. */
  subscribe(queue: EmbeddedQueue<T>, filter?: (attributes: Attributes, message: T) => boolean): void;
  /** Resolves when every subscribed queue has accepted its copy. */
  publish(message: T): Promise<void>;
  /** Queue depths and dead-letter counts, for `/healthz` and the operator. */
  stats(): Promise<{ queue: string; depth: number; deadLetters: number }[]>;
}

/**
 * SNS → SQS in one process: a copy of each message per subscribed queue, filtered on
 * message attributes the way SNS subscription filter policies are. Each queue retries and
 * dead-letters on its own, so a failing consumer never holds the others back.
 */
export function createEmbeddedTopic<T>(attributesOf: (message: T) => Attributes): EmbeddedTopic<T> {
  const subscriptions: { queue: EmbeddedQueue<T>; filter: ((a: Attributes, m: T) => boolean) | undefined }[] =
    [];
  return {
    subscribe(queue, filter) {
      subscriptions.push({ queue, filter });
    },
    async publish(message) {
      const attributes = attributesOf(message);
      await Promise.all(
        subscriptions
          .filter(({ filter }) => !filter || filter(attributes, message))
          .map(({ queue }) => queue.send(message)),
      );
    },
    stats: () =>
      Promise.all(
        subscriptions.map(async ({ queue }) => ({
          queue: queue.name,
          depth: queue.depth(),
          deadLetters: (await queue.deadLetters()).length,
        })),
      ),
  };
}
