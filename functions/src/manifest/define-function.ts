import { type ConsumerName, consumerQueue, PIPELINE, type PipelineConsumer } from '@live-scores/core';
import {
  ENV,
  type EnvName,
  type FunctionSpec,
  type QueueName,
  type ResourceAccess,
  type Trigger,
} from './function-spec.ts';

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
export function defineFunction({ readsConfig, ...declared }: FunctionDeclaration): FunctionSpec {
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
export function pipelineConsumer(
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
