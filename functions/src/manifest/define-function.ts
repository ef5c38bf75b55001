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

/** The variables that tell a handler where a resource is (a queue's URL only to its senders). */
const RESOURCE_ENV: Partial<Record<ResourceAccess['resource'], EnvName[]>> = {
  scorecardTopic: ['SCORECARD_TOPIC_ARN'],
  fixturesTable: ['FIXTURES_TABLE'],
  connectionsTable: ['CONNECTIONS_TABLE'],
  subscriptionsTable: ['SUBSCRIPTIONS_TABLE'],
  rulesTable: ['RULES_TABLE'],
  vapidPrivateKey: ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY_PARAMETER'],
  cmsToken: ['CMS_TOKEN_PARAMETER'],
  llmApiKey: ['LLM_API_KEY_PARAMETER'],
  liveConnections: ['WS_MANAGEMENT_ENDPOINT'],
  htmlQueue: ['HTML_QUEUE_URL'],
  pushQueue: ['PUSH_QUEUE_URL'],
  broadcastBatchQueue: ['BROADCAST_QUEUE_URL'],
};

function envFor(use: ResourceAccess): EnvName[] {
  if (use.resource === 'scorecardBucket')
    return [use.prefix === 'html/' ? 'HTML_BUCKET' : 'SCORECARD_BUCKET'];
  if (use.resource === 'scraperHosts') return use.access === 'launch' ? ['SCRAPER_LAUNCH_TEMPLATE_ID'] : [];
  if (use.access === 'consume') return [];
  const names = RESOURCE_ENV[use.resource];
  if (!names) throw new Error(`no environment variable says where ${use.resource} is`);
  return names;
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
