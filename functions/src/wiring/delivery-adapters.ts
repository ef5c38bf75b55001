import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import {
  connectionsManagementClient,
  createApiGatewayConnectionSender,
  createDynamoDbBroadcastWatermark,
  createDynamoDbConnections,
  createDynamoDbDigestBuffer,
  createDynamoDbDeliveryClaims,
  createDynamoDbEventLog,
  createDynamoDbIdempotency,
  createDynamoDbRulesState,
  createDynamoDbSubscriptions,
  createSqsBroadcastQueue,
  createSqsPushQueue,
  dynamoDbClient,
  sqsClient,
} from '@live-scores/aws';
import {
  lazy,
  lazyRetrying,
  type BroadcastQueue,
  type BroadcastWatermark,
  type ConnectionSender,
  type ConnectionStore,
  type DigestBuffer,
  type DeliveryClaims,
  type EventLog,
  type IdempotencyStore,
  type PushQueue,
  type RulesStateStore,
  type SubscriptionStore,
} from '@live-scores/core';
import { createWebPushSender, type WebPushSender } from '@live-scores/push';
import { configFromEnv, requireEnv } from './environment.ts';

/**
 * Built on first use and kept for the life of the execution environment (warm invocations
 * reuse connections). Each use is marked pure: a bundle drops the adapters its handler
 * never calls, and with them the environment variables only those adapters read.
 */
export const connections = /* @__PURE__ */ lazy(
  (): ConnectionStore =>
    createDynamoDbConnections({ client: dynamoDbClient(), tableName: requireEnv('CONNECTIONS_TABLE') }),
);

export const connectionSender = /* @__PURE__ */ lazy(
  (): ConnectionSender =>
    createApiGatewayConnectionSender({
      client: connectionsManagementClient(requireEnv('WS_MANAGEMENT_ENDPOINT')),
    }),
);

export const broadcastQueue = /* @__PURE__ */ lazy(
  (): BroadcastQueue =>
    createSqsBroadcastQueue({ client: sqsClient(), queueUrl: requireEnv('BROADCAST_QUEUE_URL') }),
);

export const subscriptions = /* @__PURE__ */ lazy(
  (): SubscriptionStore =>
    createDynamoDbSubscriptions({ client: dynamoDbClient(), tableName: requireEnv('SUBSCRIPTIONS_TABLE') }),
);

/**
 * The rules table holds each match's rules state, its event ids, its newest broadcast, its
 * digest windows and the push claims: one table, so one place that says where it is.
 */
const rulesTable = /* @__PURE__ */ lazy(() => ({
  client: dynamoDbClient(),
  tableName: requireEnv('RULES_TABLE'),
}));

export const rulesStates = /* @__PURE__ */ lazy(
  (): RulesStateStore => createDynamoDbRulesState(rulesTable()),
);

export const eventLog = /* @__PURE__ */ lazy((): EventLog => createDynamoDbEventLog(rulesTable()));

/** The newest scorecard broadcast per match, kept in the rules table beside its rules state. */
export const broadcastWatermark = /* @__PURE__ */ lazy(
  (): BroadcastWatermark => createDynamoDbBroadcastWatermark(rulesTable()),
);

/** Which fan-outs and push jobs are done or in progress, kept in the rules table (`idem#<key>`). */
export const idempotency = /* @__PURE__ */ lazy(
  (): IdempotencyStore => createDynamoDbIdempotency(rulesTable()),
);

/** Each match's digest windows, kept in the rules table (`digest#<matchId>`). */
export const digests = /* @__PURE__ */ lazy((): DigestBuffer => createDynamoDbDigestBuffer(rulesTable()));

/** Which subscriptions each push job has claimed, kept in the rules table (`claim#<job>`). */
export const deliveryClaims = /* @__PURE__ */ lazy(
  (): DeliveryClaims => createDynamoDbDeliveryClaims(rulesTable()),
);

export const pushQueue = /* @__PURE__ */ lazy(
  (): PushQueue => createSqsPushQueue({ client: sqsClient(), queueUrl: requireEnv('PUSH_QUEUE_URL') }),
);

/**
 * The web-push sender, with the VAPID private key read from its SSM SecureString (cached
 * for five minutes by Powertools). A failed read is not kept, so the next invocation retries.
 */
export const pushSender = /* @__PURE__ */ lazyRetrying(buildSender);

async function buildSender(): Promise<WebPushSender> {
  const privateKey = await getParameter(requireEnv('VAPID_PRIVATE_KEY_PARAMETER'), {
    decrypt: true,
    maxAge: 300,
  });
  if (!privateKey) throw new Error('the VAPID private key parameter is empty');
  return createWebPushSender({
    vapid: {
      subject: configFromEnv().push.vapidSubject,
      publicKey: requireEnv('VAPID_PUBLIC_KEY'),
      privateKey,
    },
    maxSockets: 32,
  });
}

/**
 * What notifications link to, how long push services keep them and how long a match's digest
 * window is, from the configuration.
 */
export function pushMessageSettings(): {
  pageUrl: string;
  ttlSeconds: { score: number; result: number };
  digestMs: number;
} {
  const config = configFromEnv();
  return {
    pageUrl: config.server.publicUrl ?? '/',
    ttlSeconds: config.push.ttlSeconds,
    digestMs: config.notifications.digestSeconds * 1000,
  };
}
