import { FixtureRecord, PushQueueMessage, Scorecard, ScorecardHtml } from '@live-scores/schema';
import type { z } from 'zod';

/**
 * Every durable queue of the single-machine runtime and the schema of its messages: the
 * runtime, `live-scores dlq` and the import of a JSON-era data dir read the same messages,
 * so all must agree on what a valid message is.
 */
export const QUEUE_MESSAGES = {
  'launch-scraper': FixtureRecord,
  html: ScorecardHtml,
  'store-scorecard': Scorecard,
  broadcast: Scorecard,
  'notify-rules': Scorecard,
  'update-cms': Scorecard,
  'match-report': Scorecard,
  'teardown-scraper': Scorecard,
  push: PushQueueMessage,
} satisfies Record<string, z.ZodType>;

export type QueueName = keyof typeof QUEUE_MESSAGES;
export const QUEUE_NAMES = Object.keys(QUEUE_MESSAGES) as QueueName[];

export const isQueueName = (name: string): name is QueueName => name in QUEUE_MESSAGES;
