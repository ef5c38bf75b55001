/** The shapes of the manifest: environment names, resources, triggers, one function's spec. */
import {
  type ConsumerName,
  type ConsumerQueue,
  type FilterPolicy,
  GAME_OVER_FILTER_POLICY,
  type Pipeline,
} from '@live-scores/core';

/** Environment variable names the functions read, defined once. */
export const ENV = {
  HTML_QUEUE_URL: 'HTML_QUEUE_URL',
  /** Bucket holding large pages the scraper stored instead of inlining (`html/` prefix). */
  HTML_BUCKET: 'HTML_BUCKET',
  SCORECARD_TOPIC_ARN: 'SCORECARD_TOPIC_ARN',
  SCORECARD_BUCKET: 'SCORECARD_BUCKET',
  FIXTURES_TABLE: 'FIXTURES_TABLE',
  CONNECTIONS_TABLE: 'CONNECTIONS_TABLE',
  SUBSCRIPTIONS_TABLE: 'SUBSCRIPTIONS_TABLE',
  /**
   * Rules state per match, the notification event ids recorded once, each match's newest
   * broadcast, and which push fan-outs and jobs are done.
   */
  RULES_TABLE: 'RULES_TABLE',
  PUSH_QUEUE_URL: 'PUSH_QUEUE_URL',
  /** Where a broadcast too large for one invocation is split into batches. */
  BROADCAST_QUEUE_URL: 'BROADCAST_QUEUE_URL',
  /** `https://<api>.execute-api.<region>.amazonaws.com/<stage>` for PostToConnection. */
  WS_MANAGEMENT_ENDPOINT: 'WS_MANAGEMENT_ENDPOINT',
  VAPID_PUBLIC_KEY: 'VAPID_PUBLIC_KEY',
  /** The name of the SSM SecureString holding the VAPID private key (never the key). */
  VAPID_PRIVATE_KEY_PARAMETER: 'VAPID_PRIVATE_KEY_PARAMETER',
  /** The name of the SSM SecureString holding the CMS token (never the token). */
  CMS_TOKEN_PARAMETER: 'CMS_TOKEN_PARAMETER',
  /** The name of the SSM SecureString holding the report model's API key (never the key). */
  LLM_API_KEY_PARAMETER: 'LLM_API_KEY_PARAMETER',
  /**
   * The validated configuration file's content as JSON; it holds no secrets. (The local
   * runtime's `LIVE_SCORES_CONFIG` is a file path: a different thing, so a different name.)
   */
  LIVE_SCORES_CONFIG_JSON: 'LIVE_SCORES_CONFIG_JSON',
  SCRAPER_LAUNCH_TEMPLATE_ID: 'SCRAPER_LAUNCH_TEMPLATE_ID',
  /** The club's tag value: `Owner=<slug>` on every scraper host. */
  CLUB_SLUG: 'CLUB_SLUG',
  POWERTOOLS_SERVICE_NAME: 'POWERTOOLS_SERVICE_NAME',
  LOG_LEVEL: 'LOG_LEVEL',
} as const;
export type EnvName = keyof typeof ENV;

/** Set on every function, so handlers never need to ask for them. */
export const COMMON_ENV: readonly EnvName[] = ['POWERTOOLS_SERVICE_NAME', 'LOG_LEVEL', 'CLUB_SLUG'];

/**
 * SQS queues with a consumer in this manifest (each gets a dead-letter queue): the pipeline's
 * queues, camel-cased, e.g. `html` → `htmlQueue`, `store-scorecard` → `storeScorecardQueue`.
 */
export type QueueName = {
  [N in ConsumerName]: Pipeline[N]['feed'] extends { kind: 'new-fixtures' }
    ? never
    : `${CamelCase<ConsumerQueue<N>>}Queue`;
}[ConsumerName];

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

export type TableName = 'fixturesTable' | 'connectionsTable' | 'subscriptionsTable' | 'rulesTable';
export type SecretName = 'vapidPrivateKey' | 'cmsToken' | 'llmApiKey';
export type ScheduleName = 'findFixtures' | 'sweepScrapers';

/** Object prefixes of the scorecard bucket; access is granted per prefix. */
export type BucketPrefix = 'scorecards/' | 'matches/' | 'html/';

/**
 * What a function may do to one resource. The stack turns each entry into the narrowest
 * IAM statement AWS allows for it; anything not listed is denied.
 */
export type ResourceAccess =
  | { resource: QueueName; access: 'send' | 'consume' }
  | { resource: 'scorecardTopic'; access: 'publish' }
  | { resource: 'scorecardBucket'; access: 'read' | 'write' | 'list'; prefix: BucketPrefix }
  /** `scan` reads a whole table page by page (the fan-outs); `read` is by key or query only. */
  | { resource: TableName; access: 'read' | 'scan' | 'write' }
  | { resource: 'fixturesStream'; access: 'consume' }
  | { resource: SecretName; access: 'read' }
  | { resource: 'liveConnections'; access: 'post' }
  /** Scraper hosts tagged `Owner=<club slug>`: launch from the template, tag, terminate, list. */
  | { resource: 'scraperHosts'; access: 'launch' | 'tag' | 'terminate' | 'describe' };

/**
 * Game over = `status: complete`: the filter of the consumers that run once per match. One
 * object, shared with the embedded topic, so AWS and the single machine route alike.
 */
export { type FilterPolicy, GAME_OVER_FILTER_POLICY };

export type Trigger =
  /** An EventBridge Scheduler schedule from the config's `schedule` section. */
  | { kind: 'schedule'; schedule: ScheduleName }
  /** An SQS queue a producer sends to directly. */
  | { kind: 'queue'; queue: QueueName; batchSize: number; maxBatchingWindowSeconds?: number }
  /** A queue subscribed to the scorecard topic (raw delivery), optionally filtered. */
  | {
      kind: 'topic';
      topic: 'scorecardTopic';
      queue: QueueName;
      batchSize: number;
      maxBatchingWindowSeconds?: number;
      filterPolicy?: FilterPolicy;
    }
  /** New rows of the fixtures table (stream filtered to INSERT). */
  | { kind: 'fixtures-stream'; events: readonly ['INSERT']; batchSize: number }
  | { kind: 'websocket'; route: '$connect' | '$disconnect' | 'sync' }
  | { kind: 'http'; routes: readonly string[] };

export interface FunctionSpec {
  /** Function name suffix and bundle directory, e.g. `parse-scorecard`. */
  name: string;
  /** Entry file, relative to `functions/src`: `<name>.ts`. */
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  /**
   * arm64 (Graviton) everywhere it can run: cheaper per GB-s. find-fixtures is the
   * exception: the `@sparticuz/chromium` npm package ships only the x86_64 binary.
   */
  architecture: 'arm64' | 'x86_64';
  runtime: 'nodejs22.x';
  trigger: Trigger;
  /** Beyond COMMON_ENV: where each resource in `uses` is, and the configuration. */
  env: readonly EnvName[];
  uses: readonly ResourceAccess[];
  /**
   * For functions anyone on the internet can invoke: at most this many run at once, so a
   * flood costs a bounded amount and cannot take the account's concurrency from the rest.
   */
  reservedConcurrency?: number;
  /** Bundle `@sparticuz/chromium` and ship its brotli binaries beside the handler. */
  chromium?: true;
}
