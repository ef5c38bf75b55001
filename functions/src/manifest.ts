/**
 * The one list of Lambda functions: what each handler is, how it is triggered, what it
 * reads from its environment and what it may touch. The build bundles from it and the
 * cdktf stack derives every function, queue subscription, event source mapping, route,
 * schedule and IAM statement from it, so a handler cannot get a permission that is not
 * written here. Pure data: no AWS SDK and no cdktf import.
 */
import {
  type FilterPolicy,
  GAME_OVER_FILTER_POLICY,
  httpApiRouteKey,
  SCORECARDS_PATH,
  TEAM_SCORECARD_PATH,
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

/** SQS queues with a consumer in this manifest (each gets a dead-letter queue). */
export type QueueName =
  | 'htmlQueue'
  | 'storeScorecardQueue'
  | 'broadcastQueue'
  | 'notifyRulesQueue'
  | 'updateCmsQueue'
  | 'teardownScraperQueue'
  | 'matchReportQueue'
  | 'pushQueue'
  | 'broadcastBatchQueue';

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
  /** Entry file, relative to `functions/src`. */
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
  /** Beyond COMMON_ENV. */
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

const nodeArm = { architecture: 'arm64', runtime: 'nodejs22.x' } as const;

/** Processing of one SQS batch with partial failures; scorecard consumers are light. */
const scorecardConsumer = { memoryMb: 512, timeoutSeconds: 30, ...nodeArm } as const;

export const FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'find-fixtures',
    entry: 'find-fixtures.ts',
    description: "Reads the league's fixtures page (rendered in Chromium) and records the club's matches",
    memoryMb: 2048,
    timeoutSeconds: 120,
    architecture: 'x86_64',
    runtime: 'nodejs22.x',
    chromium: true,
    trigger: { kind: 'schedule', schedule: 'findFixtures' },
    env: ['FIXTURES_TABLE', 'LIVE_SCORES_CONFIG_JSON'],
    uses: [
      { resource: 'fixturesTable', access: 'read' },
      { resource: 'fixturesTable', access: 'write' },
    ],
  },
  {
    name: 'launch-scraper',
    entry: 'launch-scraper.ts',
    description: "Starts (or joins) the club day's scraper host for each new fixture",
    memoryMb: 256,
    timeoutSeconds: 60,
    ...nodeArm,
    trigger: { kind: 'fixtures-stream', events: ['INSERT'], batchSize: 10 },
    // Where the host sends what it captures is in the launch template's user data, not here.
    env: ['FIXTURES_TABLE', 'SCRAPER_LAUNCH_TEMPLATE_ID', 'LIVE_SCORES_CONFIG_JSON'],
    uses: [
      { resource: 'fixturesStream', access: 'consume' },
      { resource: 'fixturesTable', access: 'read' },
      { resource: 'fixturesTable', access: 'write' },
      { resource: 'scraperHosts', access: 'launch' },
      { resource: 'scraperHosts', access: 'tag' },
      { resource: 'scraperHosts', access: 'describe' },
    ],
  },
  {
    name: 'parse-scorecard',
    entry: 'parse-scorecard.ts',
    description: 'Parses captured match pages and publishes each Scorecard on the topic',
    memoryMb: 1024,
    timeoutSeconds: 30,
    ...nodeArm,
    trigger: { kind: 'queue', queue: 'htmlQueue', batchSize: 10 },
    env: ['SCORECARD_TOPIC_ARN', 'HTML_BUCKET'],
    uses: [
      { resource: 'htmlQueue', access: 'consume' },
      { resource: 'scorecardTopic', access: 'publish' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'html/' },
    ],
  },
  {
    name: 'store-scorecard',
    entry: 'store-scorecard.ts',
    description: 'Stores the newest scorecard per team and match (monotonic conditional writes)',
    ...scorecardConsumer,
    trigger: { kind: 'topic', topic: 'scorecardTopic', queue: 'storeScorecardQueue', batchSize: 10 },
    env: ['SCORECARD_BUCKET', 'LIVE_SCORES_CONFIG_JSON'],
    uses: [
      { resource: 'storeScorecardQueue', access: 'consume' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'write', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'matches/' },
      { resource: 'scorecardBucket', access: 'write', prefix: 'matches/' },
    ],
  },
  {
    name: 'broadcast',
    entry: 'broadcast.ts',
    description:
      'Sends each scorecard newer than the last one broadcast to every live-page connection, splitting large audiences',
    memoryMb: 512,
    timeoutSeconds: 60,
    ...nodeArm,
    trigger: { kind: 'topic', topic: 'scorecardTopic', queue: 'broadcastQueue', batchSize: 5 },
    env: [
      'CONNECTIONS_TABLE',
      'RULES_TABLE',
      'WS_MANAGEMENT_ENDPOINT',
      'BROADCAST_QUEUE_URL',
      'LIVE_SCORES_CONFIG_JSON',
    ],
    uses: [
      { resource: 'broadcastQueue', access: 'consume' },
      { resource: 'connectionsTable', access: 'scan' },
      { resource: 'connectionsTable', access: 'write' },
      // The broadcast watermark: one conditional UpdateItem, which needs no read permission.
      { resource: 'rulesTable', access: 'write' },
      { resource: 'liveConnections', access: 'post' },
      { resource: 'broadcastBatchQueue', access: 'send' },
    ],
  },
  {
    name: 'broadcast-batch',
    entry: 'broadcast-batch.ts',
    description: 'Sends one slice of a large broadcast to its connections',
    memoryMb: 512,
    timeoutSeconds: 60,
    ...nodeArm,
    trigger: { kind: 'queue', queue: 'broadcastBatchQueue', batchSize: 1 },
    env: ['CONNECTIONS_TABLE', 'WS_MANAGEMENT_ENDPOINT'],
    uses: [
      { resource: 'broadcastBatchQueue', access: 'consume' },
      { resource: 'connectionsTable', access: 'write' },
      { resource: 'liveConnections', access: 'post' },
    ],
  },
  {
    name: 'notify-rules',
    entry: 'notify-rules.ts',
    description:
      'Applies the notification rules to each scorecard (version-checked state) and queues events once',
    ...scorecardConsumer,
    trigger: { kind: 'topic', topic: 'scorecardTopic', queue: 'notifyRulesQueue', batchSize: 10 },
    env: ['RULES_TABLE', 'PUSH_QUEUE_URL', 'LIVE_SCORES_CONFIG_JSON'],
    uses: [
      { resource: 'notifyRulesQueue', access: 'consume' },
      { resource: 'rulesTable', access: 'read' },
      { resource: 'rulesTable', access: 'write' },
      { resource: 'pushQueue', access: 'send' },
    ],
  },
  {
    name: 'update-cms',
    entry: 'update-cms.ts',
    description: "Records the result against the club's fixture in the CMS, once per match",
    ...scorecardConsumer,
    trigger: {
      kind: 'topic',
      topic: 'scorecardTopic',
      queue: 'updateCmsQueue',
      batchSize: 1,
      filterPolicy: GAME_OVER_FILTER_POLICY,
    },
    env: ['CMS_TOKEN_PARAMETER', 'LIVE_SCORES_CONFIG_JSON'],
    uses: [
      { resource: 'updateCmsQueue', access: 'consume' },
      { resource: 'cmsToken', access: 'read' },
    ],
  },
  {
    name: 'match-report',
    entry: 'match-report.ts',
    description: 'Writes the match report once per finished match, stores it and sends it to the CMS',
    ...scorecardConsumer,
    // A model's answer can take its whole configured timeout (at most 60 s).
    timeoutSeconds: 90,
    trigger: {
      kind: 'topic',
      topic: 'scorecardTopic',
      queue: 'matchReportQueue',
      batchSize: 1,
      filterPolicy: GAME_OVER_FILTER_POLICY,
    },
    env: ['SCORECARD_BUCKET', 'CMS_TOKEN_PARAMETER', 'LLM_API_KEY_PARAMETER', 'LIVE_SCORES_CONFIG_JSON'],
    uses: [
      { resource: 'matchReportQueue', access: 'consume' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'matches/' },
      { resource: 'scorecardBucket', access: 'write', prefix: 'matches/' },
      { resource: 'cmsToken', access: 'read' },
      { resource: 'llmApiKey', access: 'read' },
    ],
  },
  {
    name: 'teardown-scraper',
    entry: 'teardown-scraper.ts',
    description: 'Terminates the scraper host once the last match it watches is over',
    ...scorecardConsumer,
    trigger: {
      kind: 'topic',
      topic: 'scorecardTopic',
      queue: 'teardownScraperQueue',
      batchSize: 1,
      filterPolicy: GAME_OVER_FILTER_POLICY,
    },
    env: ['FIXTURES_TABLE', 'LIVE_SCORES_CONFIG_JSON'],
    uses: [
      { resource: 'teardownScraperQueue', access: 'consume' },
      { resource: 'fixturesTable', access: 'read' },
      { resource: 'fixturesTable', access: 'write' },
      { resource: 'scraperHosts', access: 'terminate' },
      { resource: 'scraperHosts', access: 'describe' },
    ],
  },
  {
    name: 'send-push',
    entry: 'send-push.ts',
    description: 'Fans notification events out to matching subscriptions and sends Web Push',
    memoryMb: 1024,
    timeoutSeconds: 120,
    ...nodeArm,
    trigger: { kind: 'queue', queue: 'pushQueue', batchSize: 5 },
    env: [
      'SUBSCRIPTIONS_TABLE',
      'RULES_TABLE',
      'PUSH_QUEUE_URL',
      'VAPID_PUBLIC_KEY',
      'VAPID_PRIVATE_KEY_PARAMETER',
      'LIVE_SCORES_CONFIG_JSON',
    ],
    uses: [
      { resource: 'pushQueue', access: 'consume' },
      { resource: 'pushQueue', access: 'send' },
      { resource: 'subscriptionsTable', access: 'scan' },
      { resource: 'subscriptionsTable', access: 'write' },
      // Idempotency records: conditional UpdateItem (returning the record it lost to), PutItem
      // and DeleteItem, none of which needs read permission.
      { resource: 'rulesTable', access: 'write' },
      { resource: 'vapidPrivateKey', access: 'read' },
    ],
  },
  {
    name: 'ws-connect',
    entry: 'ws-connect.ts',
    description: "Records a live page's WebSocket connection",
    memoryMb: 256,
    timeoutSeconds: 10,
    reservedConcurrency: 20,
    ...nodeArm,
    trigger: { kind: 'websocket', route: '$connect' },
    env: ['CONNECTIONS_TABLE'],
    uses: [{ resource: 'connectionsTable', access: 'write' }],
  },
  {
    name: 'ws-disconnect',
    entry: 'ws-disconnect.ts',
    description: "Forgets a live page's WebSocket connection",
    memoryMb: 256,
    timeoutSeconds: 10,
    reservedConcurrency: 20,
    ...nodeArm,
    trigger: { kind: 'websocket', route: '$disconnect' },
    env: ['CONNECTIONS_TABLE'],
    uses: [{ resource: 'connectionsTable', access: 'write' }],
  },
  {
    name: 'ws-sync',
    entry: 'ws-sync.ts',
    description: "Replies to a page's sync request with today's scorecards",
    memoryMb: 256,
    timeoutSeconds: 10,
    reservedConcurrency: 20,
    ...nodeArm,
    trigger: { kind: 'websocket', route: 'sync' },
    env: ['SCORECARD_BUCKET', 'WS_MANAGEMENT_ENDPOINT', 'LIVE_SCORES_CONFIG_JSON'],
    uses: [
      { resource: 'scorecardBucket', access: 'list', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'scorecards/' },
      { resource: 'liveConnections', access: 'post' },
    ],
  },
  {
    name: 'scorecards-api',
    entry: 'scorecards-api.ts',
    description: "Answers the page's today's-scorecards routes from the scorecard bucket",
    memoryMb: 256,
    timeoutSeconds: 10,
    // CloudFront answers repeats for a few seconds; this bounds what a flood past it costs.
    reservedConcurrency: 10,
    ...nodeArm,
    trigger: {
      kind: 'http',
      routes: [httpApiRouteKey('GET', SCORECARDS_PATH), httpApiRouteKey('GET', TEAM_SCORECARD_PATH)],
    },
    env: ['SCORECARD_BUCKET', 'LIVE_SCORES_CONFIG_JSON'],
    uses: [
      { resource: 'scorecardBucket', access: 'list', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'scorecards/' },
    ],
  },
  {
    name: 'subscriptions-api',
    entry: 'subscriptions-api.ts',
    description: 'Creates, updates and deletes push subscriptions; serves the VAPID public key',
    memoryMb: 256,
    timeoutSeconds: 10,
    reservedConcurrency: 10,
    ...nodeArm,
    trigger: {
      kind: 'http',
      routes: [
        'POST /api/subscriptions',
        'PUT /api/subscriptions',
        'DELETE /api/subscriptions',
        'GET /api/vapid-public-key',
      ],
    },
    env: [
      'SUBSCRIPTIONS_TABLE',
      'VAPID_PUBLIC_KEY',
      'VAPID_PRIVATE_KEY_PARAMETER',
      'LIVE_SCORES_CONFIG_JSON',
    ],
    uses: [
      { resource: 'subscriptionsTable', access: 'read' },
      { resource: 'subscriptionsTable', access: 'write' },
      { resource: 'vapidPrivateKey', access: 'read' },
    ],
  },
  {
    name: 'report-api',
    entry: 'report-api.ts',
    description: "Serves a finished match's report",
    memoryMb: 256,
    timeoutSeconds: 10,
    // Reachable from the internet: this bounds what a flood of report requests costs.
    reservedConcurrency: 10,
    ...nodeArm,
    trigger: { kind: 'http', routes: ['GET /api/matches/{matchId}/report'] },
    env: ['SCORECARD_BUCKET', 'LIVE_SCORES_CONFIG_JSON'],
    uses: [{ resource: 'scorecardBucket', access: 'read', prefix: 'matches/' }],
  },
  {
    name: 'sweep-scrapers',
    entry: 'sweep-scrapers.ts',
    description: 'Terminates every scraper host still tagged for the club (evening sweep)',
    memoryMb: 256,
    timeoutSeconds: 60,
    ...nodeArm,
    trigger: { kind: 'schedule', schedule: 'sweepScrapers' },
    env: ['LIVE_SCORES_CONFIG_JSON'],
    uses: [
      { resource: 'scraperHosts', access: 'describe' },
      { resource: 'scraperHosts', access: 'terminate' },
    ],
  },
];

/** The queue a function consumes, if its trigger is one (each queue has exactly one consumer). */
export function consumedQueue(spec: FunctionSpec): QueueName | undefined {
  const t = spec.trigger;
  return t.kind === 'queue' || t.kind === 'topic' ? t.queue : undefined;
}
