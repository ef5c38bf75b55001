import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import {
  createApiGatewayConnectionSender,
  createDynamoDbBroadcastWatermark,
  createDynamoDbConnections,
  createDynamoDbEventLog,
  createDynamoDbIdempotency,
  createDynamoDbRulesState,
  createDynamoDbSubscriptions,
  createSqsBroadcastQueue,
  createSqsPushQueue,
} from '@live-scores/aws';
import type {
  BroadcastQueue,
  BroadcastWatermark,
  ConnectionSender,
  ConnectionStore,
  EventLog,
  IdempotencyStore,
  PushQueue,
  RulesStateStore,
  SubscriptionStore,
} from '@live-scores/core';
import { createWebPushSender, type WebPushSender } from '@live-scores/push';
import { configFromEnv, requireEnv } from './environment.ts';

/**
 * Built on first use and kept for the life of the execution environment (warm invocations
 * reuse connections). Each use is marked pure: a bundle drops the adapters its handler
 * never calls, and with them the environment variables only those adapters read.
 */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const region = (): string => process.env.AWS_REGION ?? 'eu-west-2';
const dynamo = /* @__PURE__ */ once(() => new DynamoDBClient({ region: region() }));
const sqs = /* @__PURE__ */ once(() => new SQSClient({ region: region() }));

export const connections = /* @__PURE__ */ once(
  (): ConnectionStore =>
    createDynamoDbConnections({ client: dynamo(), tableName: requireEnv('CONNECTIONS_TABLE') }),
);

export const connectionSender = /* @__PURE__ */ once(
  (): ConnectionSender =>
    createApiGatewayConnectionSender({
      client: new ApiGatewayManagementApiClient({
        region: region(),
        endpoint: requireEnv('WS_MANAGEMENT_ENDPOINT'),
      }),
    }),
);

export const broadcastQueue = /* @__PURE__ */ once(
  (): BroadcastQueue =>
    createSqsBroadcastQueue({ client: sqs(), queueUrl: requireEnv('BROADCAST_QUEUE_URL') }),
);

export const subscriptions = /* @__PURE__ */ once(
  (): SubscriptionStore =>
    createDynamoDbSubscriptions({ client: dynamo(), tableName: requireEnv('SUBSCRIPTIONS_TABLE') }),
);

export const rulesStates = /* @__PURE__ */ once(
  (): RulesStateStore => createDynamoDbRulesState({ client: dynamo(), tableName: requireEnv('RULES_TABLE') }),
);

export const eventLog = /* @__PURE__ */ once(
  (): EventLog => createDynamoDbEventLog({ client: dynamo(), tableName: requireEnv('RULES_TABLE') }),
);

/** The newest scorecard broadcast per match, kept in the rules table beside its rules state. */
export const broadcastWatermark = /* @__PURE__ */ once(
  (): BroadcastWatermark =>
    createDynamoDbBroadcastWatermark({ client: dynamo(), tableName: requireEnv('RULES_TABLE') }),
);

/** Which fan-outs and push jobs are done or in progress, kept in the rules table (`idem#<key>`). */
export const idempotency = /* @__PURE__ */ once(
  (): IdempotencyStore =>
    createDynamoDbIdempotency({ client: dynamo(), tableName: requireEnv('RULES_TABLE') }),
);

export const pushQueue = /* @__PURE__ */ once(
  (): PushQueue => createSqsPushQueue({ client: sqs(), queueUrl: requireEnv('PUSH_QUEUE_URL') }),
);

let sender: Promise<WebPushSender> | undefined;

/**
 * The web-push sender, with the VAPID private key read from its SSM SecureString (cached
 * for five minutes by Powertools). A failed read is not cached, so the next invocation retries.
 */
export function pushSender(): Promise<WebPushSender> {
  sender ??= buildSender().catch((error: unknown) => {
    sender = undefined;
    throw error;
  });
  return sender;
}

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

/** What notifications link to and how long push services keep them, from the configuration. */
export function pushMessageSettings(): { pageUrl: string; ttlSeconds: { score: number; result: number } } {
  const config = configFromEnv();
  return { pageUrl: config.server.publicUrl ?? '/', ttlSeconds: config.push.ttlSeconds };
}
