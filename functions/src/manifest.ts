/**
 * The one list of Lambda functions: what each handler is, how it is triggered, what it
 * reads from its environment and what it may touch. The pipeline's consumers come from the
 * pipeline table in core (name, description, what feeds them); an entry adds the AWS settings. The build bundles from it and the
 * cdktf stack derives every function, queue subscription, event source mapping, route,
 * schedule and IAM statement from it, so a handler cannot get a permission that is not
 * written here. Pure data: no AWS SDK and no cdktf import.
 */
import {
  type ConsumerName,
  type ConsumerQueue,
  consumerQueue,
  type FilterPolicy,
  GAME_OVER_FILTER_POLICY,
  httpApiRouteKey,
  MATCH_REPORT_PATH,
  PIPELINE,
  type Pipeline,
  type PipelineConsumer,
  SCORECARDS_PATH,
  SUBSCRIPTIONS_PATH,
  TEAM_SCORECARD_PATH,
  VAPID_KEY_PATH,
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

/** What a manifest entry says; the rest of its `FunctionSpec` is derived. */
interface FunctionDeclaration extends Omit<FunctionSpec, 'entry' | 'env' | 'architecture' | 'runtime'> {
  architecture?: FunctionSpec['architecture'];
  /** False for the few that need no configuration: they are not given it. */
  readsConfig?: false;
}

/** Which variables tell a handler where the resource it uses is. */
function envFor(use: ResourceAccess): EnvName[] {
  switch (use.resource) {
    case 'scorecardTopic':
      return ['SCORECARD_TOPIC_ARN'];
    case 'scorecardBucket':
      return [use.prefix === 'html/' ? 'HTML_BUCKET' : 'SCORECARD_BUCKET'];
    case 'fixturesTable':
      return ['FIXTURES_TABLE'];
    case 'connectionsTable':
      return ['CONNECTIONS_TABLE'];
    case 'subscriptionsTable':
      return ['SUBSCRIPTIONS_TABLE'];
    case 'rulesTable':
      return ['RULES_TABLE'];
    case 'vapidPrivateKey':
      return ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY_PARAMETER'];
    case 'cmsToken':
      return ['CMS_TOKEN_PARAMETER'];
    case 'llmApiKey':
      return ['LLM_API_KEY_PARAMETER'];
    case 'liveConnections':
      return ['WS_MANAGEMENT_ENDPOINT'];
    case 'scraperHosts':
      return use.access === 'launch' ? ['SCRAPER_LAUNCH_TEMPLATE_ID'] : [];
    case 'fixturesStream':
      return [];
    default:
      return use.access === 'send' ? [queueUrlEnv(use.resource)] : [];
  }
}

const QUEUE_URL_ENV: Partial<Record<QueueName, EnvName>> = {
  htmlQueue: 'HTML_QUEUE_URL',
  pushQueue: 'PUSH_QUEUE_URL',
  broadcastBatchQueue: 'BROADCAST_QUEUE_URL',
};

function queueUrlEnv(queue: QueueName): EnvName {
  const name = QUEUE_URL_ENV[queue];
  if (!name) throw new Error(`no environment variable names the URL of ${queue}`);
  return name;
}

/** What a trigger consumes: the permission comes with the trigger. */
function consumedBy(trigger: Trigger): ResourceAccess[] {
  if (trigger.kind === 'queue' || trigger.kind === 'topic')
    return [{ resource: trigger.queue, access: 'consume' }];
  if (trigger.kind === 'fixtures-stream') return [{ resource: 'fixturesStream', access: 'consume' }];
  return [];
}

/** The entry is `<name>.ts`; the trigger's consume is granted; the environment follows from `uses`. */
function defineFunction({ readsConfig, ...declared }: FunctionDeclaration): FunctionSpec {
  const uses = [...consumedBy(declared.trigger), ...declared.uses];
  const needed = new Set<EnvName>(uses.flatMap(envFor));
  if (readsConfig !== false) needed.add('LIVE_SCORES_CONFIG_JSON');
  return {
    architecture: 'arm64',
    runtime: 'nodejs22.x',
    ...declared,
    entry: `${declared.name}.ts`,
    env: (Object.keys(ENV) as EnvName[]).filter((name) => needed.has(name)),
    uses,
  };
}

/** A pipeline consumer's name, description and trigger, from the pipeline table in core. */
function pipelineConsumer(
  name: ConsumerName,
  sqs: { batchSize: number; maxBatchingWindowSeconds?: number },
): Pick<FunctionSpec, 'name' | 'description' | 'trigger'> {
  const { description, feed } = PIPELINE[name] as PipelineConsumer;
  const queue = sqsQueueOf(name);
  const trigger: Trigger =
    feed.kind === 'new-fixtures'
      ? { kind: 'fixtures-stream', events: ['INSERT'], batchSize: sqs.batchSize }
      : feed.kind === 'queue'
        ? { kind: 'queue', queue, ...sqs }
        : { kind: 'topic', topic: 'scorecardTopic', queue, ...sqs, filterPolicy: feed.filterPolicy };
  return { name, description, trigger };
}

/** The SQS queue of a pipeline consumer, e.g. `store-scorecard` → `storeScorecardQueue`. */
function sqsQueueOf(name: ConsumerName): QueueName {
  const camel = String(consumerQueue(name)).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return `${camel}Queue` as QueueName;
}

/** Processing of one SQS batch with partial failures; scorecard consumers are light. */
const scorecardConsumer = { memoryMb: 512, timeoutSeconds: 30 } as const;
/** The page's API and WebSocket routes: small, quick, and bounded against floods. */
const edge = { memoryMb: 256, timeoutSeconds: 10 } as const;

export const FUNCTIONS: readonly FunctionSpec[] = [
  defineFunction({
    name: 'find-fixtures',
    description: "Reads the league's fixtures page (rendered in Chromium) and records the club's matches",
    memoryMb: 2048,
    timeoutSeconds: 120,
    architecture: 'x86_64',
    chromium: true,
    trigger: { kind: 'schedule', schedule: 'findFixtures' },
    uses: [
      { resource: 'fixturesTable', access: 'read' },
      { resource: 'fixturesTable', access: 'write' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('launch-scraper', { batchSize: 10 }),
    memoryMb: 256,
    timeoutSeconds: 60,
    // Where the host sends what it captures is in the launch template's user data, not here.
    uses: [
      { resource: 'fixturesTable', access: 'read' },
      { resource: 'fixturesTable', access: 'write' },
      { resource: 'scraperHosts', access: 'launch' },
      { resource: 'scraperHosts', access: 'tag' },
      { resource: 'scraperHosts', access: 'describe' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('parse-scorecard', { batchSize: 10 }),
    memoryMb: 1024,
    timeoutSeconds: 30,
    readsConfig: false,
    uses: [
      { resource: 'scorecardTopic', access: 'publish' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'html/' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('store-scorecard', { batchSize: 10 }),
    ...scorecardConsumer,
    uses: [
      { resource: 'scorecardBucket', access: 'read', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'write', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'matches/' },
      { resource: 'scorecardBucket', access: 'write', prefix: 'matches/' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('broadcast', { batchSize: 5 }),
    memoryMb: 512,
    timeoutSeconds: 60,
    uses: [
      { resource: 'connectionsTable', access: 'scan' },
      { resource: 'connectionsTable', access: 'write' },
      // The broadcast watermark: one conditional UpdateItem, which needs no read permission.
      { resource: 'rulesTable', access: 'write' },
      { resource: 'liveConnections', access: 'post' },
      { resource: 'broadcastBatchQueue', access: 'send' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('broadcast-batch', { batchSize: 1 }),
    memoryMb: 512,
    timeoutSeconds: 60,
    readsConfig: false,
    uses: [
      { resource: 'connectionsTable', access: 'write' },
      { resource: 'liveConnections', access: 'post' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('notify-rules', { batchSize: 10 }),
    ...scorecardConsumer,
    uses: [
      { resource: 'rulesTable', access: 'read' },
      { resource: 'rulesTable', access: 'write' },
      { resource: 'pushQueue', access: 'send' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('update-cms', { batchSize: 1 }),
    ...scorecardConsumer,
    uses: [{ resource: 'cmsToken', access: 'read' }],
  }),
  defineFunction({
    ...pipelineConsumer('match-report', { batchSize: 1 }),
    ...scorecardConsumer,
    // A model's answer can take its whole configured timeout (at most 60 s).
    timeoutSeconds: 90,
    uses: [
      { resource: 'scorecardBucket', access: 'read', prefix: 'matches/' },
      { resource: 'scorecardBucket', access: 'write', prefix: 'matches/' },
      { resource: 'cmsToken', access: 'read' },
      { resource: 'llmApiKey', access: 'read' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('teardown-scraper', { batchSize: 1 }),
    ...scorecardConsumer,
    uses: [
      { resource: 'fixturesTable', access: 'read' },
      { resource: 'fixturesTable', access: 'write' },
      { resource: 'scraperHosts', access: 'terminate' },
      { resource: 'scraperHosts', access: 'describe' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('send-push', { batchSize: 5 }),
    memoryMb: 1024,
    timeoutSeconds: 120,
    uses: [
      { resource: 'pushQueue', access: 'send' },
      { resource: 'subscriptionsTable', access: 'scan' },
      { resource: 'subscriptionsTable', access: 'write' },
      // Idempotency records: conditional UpdateItem (returning the record it lost to), PutItem
      // and DeleteItem, none of which needs read permission.
      { resource: 'rulesTable', access: 'write' },
      { resource: 'vapidPrivateKey', access: 'read' },
    ],
  }),
  defineFunction({
    name: 'ws-connect',
    description: "Records a live page's WebSocket connection",
    ...edge,
    reservedConcurrency: 20,
    readsConfig: false,
    trigger: { kind: 'websocket', route: '$connect' },
    uses: [{ resource: 'connectionsTable', access: 'write' }],
  }),
  defineFunction({
    name: 'ws-disconnect',
    description: "Forgets a live page's WebSocket connection",
    ...edge,
    reservedConcurrency: 20,
    readsConfig: false,
    trigger: { kind: 'websocket', route: '$disconnect' },
    uses: [{ resource: 'connectionsTable', access: 'write' }],
  }),
  defineFunction({
    name: 'ws-sync',
    description: "Replies to a page's sync request with today's scorecards",
    ...edge,
    reservedConcurrency: 20,
    trigger: { kind: 'websocket', route: 'sync' },
    uses: [
      { resource: 'scorecardBucket', access: 'list', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'scorecards/' },
      { resource: 'liveConnections', access: 'post' },
    ],
  }),
  defineFunction({
    name: 'scorecards-api',
    description: "Answers the page's today's-scorecards routes from the scorecard bucket",
    ...edge,
    // CloudFront answers repeats for a few seconds; this bounds what a flood past it costs.
    reservedConcurrency: 10,
    trigger: {
      kind: 'http',
      routes: [httpApiRouteKey('GET', SCORECARDS_PATH), httpApiRouteKey('GET', TEAM_SCORECARD_PATH)],
    },
    uses: [
      { resource: 'scorecardBucket', access: 'list', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'scorecards/' },
    ],
  }),
  defineFunction({
    name: 'subscriptions-api',
    description: 'Creates, updates and deletes push subscriptions; serves the VAPID public key',
    ...edge,
    reservedConcurrency: 10,
    trigger: {
      kind: 'http',
      routes: [
        httpApiRouteKey('POST', SUBSCRIPTIONS_PATH),
        httpApiRouteKey('PUT', SUBSCRIPTIONS_PATH),
        httpApiRouteKey('DELETE', SUBSCRIPTIONS_PATH),
        httpApiRouteKey('GET', VAPID_KEY_PATH),
      ],
    },
    uses: [
      { resource: 'subscriptionsTable', access: 'read' },
      { resource: 'subscriptionsTable', access: 'write' },
      { resource: 'vapidPrivateKey', access: 'read' },
    ],
  }),
  defineFunction({
    name: 'report-api',
    description: "Serves a finished match's report",
    ...edge,
    // Reachable from the internet: this bounds what a flood of report requests costs.
    reservedConcurrency: 10,
    trigger: { kind: 'http', routes: [httpApiRouteKey('GET', MATCH_REPORT_PATH)] },
    uses: [{ resource: 'scorecardBucket', access: 'read', prefix: 'matches/' }],
  }),
  defineFunction({
    name: 'sweep-scrapers',
    description: 'Terminates every scraper host still tagged for the club (evening sweep)',
    memoryMb: 256,
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', schedule: 'sweepScrapers' },
    uses: [
      { resource: 'scraperHosts', access: 'describe' },
      { resource: 'scraperHosts', access: 'terminate' },
    ],
  }),
];

/** The queue a function consumes, if its trigger is one (each queue has exactly one consumer). */
export function consumedQueue(spec: FunctionSpec): QueueName | undefined {
  const t = spec.trigger;
  return t.kind === 'queue' || t.kind === 'topic' ? t.queue : undefined;
}
