import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { endpointDigest } from '@live-scores/core';
import { generateVapidKeys } from '@live-scores/push';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import type { NotificationEvent, PushJob } from '@live-scores/schema';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  APIGatewayProxyWebsocketEventV2,
} from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as broadcast } from './broadcast.ts';
import { handler as notifyRules } from './notify-rules.ts';
import { handler as sendPush } from './send-push.ts';
import { handler as subscriptionsApi } from './subscriptions-api.ts';
import { lambdaContext, scorecard, sqsEvent, sqsRecord, TEST_CONFIG } from './testing/events.ts';
import { handler as wsConnect } from './ws-connect.ts';
import { handler as wsDisconnect } from './ws-disconnect.ts';
import { handler as wsSync } from './ws-sync.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
const ssm = mockClient(SSMClient);
const apigw = mockClient(ApiGatewayManagementApiClient);
const s3 = mockClient(S3Client);
const vapid = generateVapidKeys();
let receiver: PushReceiver;

beforeAll(async () => {
  receiver = await startPushReceiver();
  Object.assign(process.env, {
    CONNECTIONS_TABLE: 'connections',
    SUBSCRIPTIONS_TABLE: 'subscriptions',
    RULES_TABLE: 'rules',
    PUSH_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/123456789012/push',
    BROADCAST_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/123456789012/broadcast-batches',
    SCORECARD_BUCKET: 'scores',
    WS_MANAGEMENT_ENDPOINT: 'https://abc123.execute-api.eu-west-2.amazonaws.com/live',
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY_PARAMETER: '/live-scores/vapid-private-key',
    PUSH_ALLOWED_HOSTS: new URL(receiver.origin).host,
    LIVE_SCORES_CONFIG_JSON: JSON.stringify({
      ...TEST_CONFIG,
      server: { pageOrigins: ['https://www.club.example'] },
    }),
  });
});
afterAll(async () => {
  await receiver.close();
  for (const mock of [dynamo, sqs, ssm, apigw, s3]) mock.restore();
});
beforeEach(() => {
  for (const mock of [dynamo, sqs, ssm, apigw, s3]) mock.reset();
  ssm
    .on(GetParameterCommand)
    .resolves({ Parameter: { Name: '/live-scores/vapid-private-key', Value: vapid.privateKey } });
  dynamo.on(PutCommand).resolves({});
  dynamo.on(DeleteCommand).resolves({});
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
});

function websocketEvent(
  routeKey: string,
  eventType: 'CONNECT' | 'DISCONNECT' | 'MESSAGE',
  body?: string,
): APIGatewayProxyWebsocketEventV2 {
  return {
    requestContext: {
      routeKey,
      messageId: 'm-1',
      eventType,
      extendedRequestId: 'x-1',
      requestTime: '14/Jun/2025:13:00:00 +0000',
      messageDirection: 'IN',
      stage: 'live',
      connectedAt: 1749906000000,
      requestTimeEpoch: 1749906000000,
      requestId: 'r-1',
      domainName: 'abc123.execute-api.eu-west-2.amazonaws.com',
      connectionId: 'LxYz1cA0LPECJVg=',
      apiId: 'abc123',
    },
    isBase64Encoded: false,
    ...(body === undefined ? {} : { body }),
  };
}

function httpEvent(method: string, path: string, body?: unknown): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'Content-Type': 'application/json', Origin: 'https://www.club.example' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api1',
      domainName: 'api1.execute-api.eu-west-2.amazonaws.com',
      domainPrefix: 'api1',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0' },
      requestId: 'r-2',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '14/Jun/2025:13:00:00 +0000',
      timeEpoch: 1749906000000,
    },
    isBase64Encoded: false,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

describe('the WebSocket handlers', () => {
  it('$connect records the connection with its TTL; $disconnect forgets it', async () => {
    expect(await wsConnect(websocketEvent('$connect', 'CONNECT'))).toEqual({ statusCode: 200 });
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 'connections',
      Item: {
        connectionId: 'LxYz1cA0LPECJVg=',
        connectedAt: '2025-06-14T13:00:00.000Z',
        expiresAt: 1749906000 + 4 * 3600,
      },
    });
    expect(await wsDisconnect(websocketEvent('$disconnect', 'DISCONNECT'))).toEqual({ statusCode: 200 });
    expect(dynamo.commandCalls(DeleteCommand)[0]?.args[0].input).toEqual({
      TableName: 'connections',
      Key: { connectionId: 'LxYz1cA0LPECJVg=' },
    });
  });

  it("sync replies with each of today's scorecards, one frame each", async () => {
    const card = scorecard({ capturedAt: new Date().toISOString() });
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: `scorecards/today/firstTeam.json` }] });
    s3.on(GetObjectCommand).resolves({
      Body: { transformToString: async () => JSON.stringify(card) },
    } as never);
    apigw.on(PostToConnectionCommand).resolves({});
    const response = await wsSync(websocketEvent('sync', 'MESSAGE', '{"action":"sync"}'));
    expect(response).toEqual({ statusCode: 200, body: '{"synced":1}' });
    const post = apigw.commandCalls(PostToConnectionCommand)[0]?.args[0].input;
    expect(post?.ConnectionId).toBe('LxYz1cA0LPECJVg=');
    expect(JSON.parse(Buffer.from(post?.Data as Uint8Array).toString())).toEqual({
      type: 'scorecard',
      scorecard: card,
    });
  });

  it('broadcast posts the scorecard frame to each connection in the table', async () => {
    dynamo.on(ScanCommand).resolves({
      Items: [
        { connectionId: 'a', connectedAt: 't' },
        { connectionId: 'b', connectedAt: 't' },
      ],
    });
    apigw.on(PostToConnectionCommand).resolves({});
    dynamo.on(UpdateCommand).resolves({});
    const card = scorecard();
    const response = await broadcast(sqsEvent(sqsRecord(JSON.stringify(card), 'sc-1')), lambdaContext);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(dynamo.commandCalls(UpdateCommand)[0]?.args[0].input).toMatchObject({
      TableName: 'rules',
      Key: { pk: `broadcast#${card.matchId}` },
      ExpressionAttributeValues: { ':c': Date.parse(card.capturedAt), ':s': card.seq },
    });
    const posts = apigw.commandCalls(PostToConnectionCommand).map((c) => c.args[0].input);
    expect(posts.map((p) => p.ConnectionId)).toEqual(['a', 'b']);
    expect(JSON.parse(Buffer.from(posts[0]!.Data as Uint8Array).toString())).toEqual({
      type: 'scorecard',
      scorecard: card,
    });
  });

  it('broadcast sends nothing for a scorecard older than the last one broadcast, and succeeds', async () => {
    dynamo.on(ScanCommand).resolves({ Items: [{ connectionId: 'a', connectedAt: 't' }] });
    dynamo
      .on(UpdateCommand)
      .rejects(
        new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }),
      );
    const response = await broadcast(sqsEvent(sqsRecord(JSON.stringify(scorecard()), 'sc-2')), lambdaContext);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(apigw.commandCalls(PostToConnectionCommand)).toHaveLength(0);
  });
});

describe('the subscriptions API handler', () => {
  it('stores a subscription (201) and the receiver gets the confirmation push', async () => {
    const { endpoint, keys } = receiver.createSubscription('/lambda/new');
    const response = (await subscriptionsApi(
      httpEvent('POST', '/api/subscriptions', { endpoint, keys, preferences: { teams: ['secondTeam'] } }),
    )) as APIGatewayProxyStructuredResultV2;
    expect(response.statusCode).toBe(201);
    expect(response.headers?.['access-control-allow-origin']).toBe('https://www.club.example');
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input.Item).toMatchObject({ endpoint, keys });
    await receiver.waitForReceived(1);
    expect(receiver.received.find((r) => r.path === '/lambda/new')?.payload).toMatchObject({
      title: 'Subscribed to 2nd XI live scores',
    });
    expect(ssm.commandCalls(GetParameterCommand)[0]?.args[0].input).toEqual({
      Name: '/live-scores/vapid-private-key',
      WithDecryption: true,
    });
  });

  it('answers 400 with the reason and writes nothing for an endpoint off the allow-list', async () => {
    const { keys } = receiver.createSubscription('/lambda/hostile');
    const response = (await subscriptionsApi(
      httpEvent('POST', '/api/subscriptions', { endpoint: 'https://169.254.169.254/latest', keys }),
    )) as APIGatewayProxyStructuredResultV2;
    expect([response.statusCode, JSON.parse(response.body ?? '')]).toEqual([
      400,
      { error: 'endpoint: IP addresses are not allowed' },
    ]);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('the push handlers', () => {
  const event: NotificationEvent = {
    id: '6123456:1:wicket:1',
    matchId: '6123456',
    teamId: 'firstTeam',
    kind: 'wicket',
    title: '1st XI · Wicket',
    body: 'A Smith b J Thurwell 10',
    createdAt: '2025-06-14T13:00:20.000Z',
  };

  it('notify-rules records each event once and queues it', async () => {
    dynamo.on(GetCommand).resolves({});
    const card = scorecard({
      innings: [
        {
          team: 'Cleckheaton',
          batting: [],
          extras: 0,
          total: { runs: 40, wickets: 0, overs: '10', text: '40 for 0 (10 Overs)' },
          fallOfWickets: '',
          bowling: [],
        },
      ],
    });
    const response = await notifyRules(sqsEvent(sqsRecord(JSON.stringify(card), 'sc-1')), lambdaContext);
    expect(response).toEqual({ batchItemFailures: [] });
    const puts = dynamo.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => p.ConditionExpression)).toEqual([
      'attribute_not_exists(pk)',
      'attribute_not_exists(pk)',
    ]);
    const queued = sqs
      .commandCalls(SendMessageBatchCommand)[0]
      ?.args[0].input.Entries?.map((e) => JSON.parse(e.MessageBody!));
    expect(queued?.[0]).toMatchObject({ type: 'event', event: { matchId: '6123456', teamId: 'firstTeam' } });
  });

  it('send-push claims a job, delivers it, deletes a gone subscription, and fails only the malformed record', async () => {
    dynamo.on(UpdateCommand).resolves({});
    const phone = receiver.createSubscription('/lambda/phone');
    const gone = receiver.createSubscription('/lambda/gone');
    receiver.setMode('/lambda/gone', { status: 410 });
    const job: PushJob = {
      type: 'send-push',
      id: 'event-1#0',
      event,
      subscriptions: [phone, gone].map(({ endpoint, keys }) => ({ endpoint, keys })),
      attempt: 0,
    };
    const response = await sendPush(
      sqsEvent(sqsRecord(JSON.stringify(job), 'job-1'), sqsRecord('{"type":"send-push"}', 'bad')),
      lambdaContext,
    );
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad' }] });
    expect(receiver.received.find((r) => r.path === '/lambda/phone')?.payload).toMatchObject({
      title: '1st XI · Wicket',
      kind: 'wicket',
    });
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(1);
    expect(
      dynamo.commandCalls(UpdateCommand).map((c) => [c.args[0].input.TableName, c.args[0].input.Key]),
    ).toEqual([
      ['rules', { pk: 'idem#job:event-1#0@0' }],
      ['rules', { pk: 'claim#event-1#0@0' }],
    ]);
    expect(dynamo.commandCalls(PutCommand).map((c) => c.args[0].input.Item)).toEqual([
      { pk: 'idem#job:event-1#0@0', status: 'completed', expiresAt: expect.any(Number) },
    ]);
  });

  it("send-push holds an event in its match's digest window in the rules table and queues the window's flush, delayed by the window", async () => {
    const window = `digest:${event.id}`;
    const pushedBefore = receiver.received.length;
    dynamo.on(GetCommand, { Key: { pk: 'digest#6123456' } }).resolves({});
    dynamo.on(UpdateCommand).resolves({});
    dynamo.on(UpdateCommand, { Key: { pk: 'digest#6123456' } }).resolves({
      Attributes: {
        openWindow: window,
        [`w:${window}`]: { dueAt: Date.now() + 90_000, events: [JSON.stringify(event)], closed: false },
      },
    });

    const response = await sendPush(
      sqsEvent(sqsRecord(JSON.stringify({ type: 'event', event }), 'event-1')),
      lambdaContext,
    );
    expect(response).toEqual({ batchItemFailures: [] });
    const digestWrite = dynamo
      .commandCalls(UpdateCommand)
      .map((c) => c.args[0].input)
      .find((i) => i.Key?.pk === 'digest#6123456');
    expect(digestWrite).toMatchObject({
      TableName: 'rules',
      ConditionExpression: expect.stringContaining('attribute_not_exists(openWindow)'),
    });
    const [entry] = sqs.commandCalls(SendMessageBatchCommand)[0]!.args[0].input.Entries!;
    expect(JSON.parse(entry!.MessageBody!)).toEqual({
      type: 'flush-digest',
      matchId: '6123456',
      teamId: 'firstTeam',
      window,
    });
    expect(entry!.DelaySeconds).toBe(90);
    // Nothing is fanned out or pushed until the window is due.
    expect(dynamo.commandCalls(ScanCommand)).toEqual([]);
    expect(receiver.received).toHaveLength(pushedBefore);
  });

  it('send-push acknowledges a redelivered job already sent, without pushing it again', async () => {
    const phone = receiver.createSubscription('/lambda/again');
    dynamo.on(UpdateCommand).rejects(
      new ConditionalCheckFailedException({
        message: 'The conditional request failed',
        $metadata: {},
        Item: { pk: { S: 'idem#job:event-1#0@0' }, status: { S: 'completed' } },
      }),
    );
    const job: PushJob = {
      type: 'send-push',
      id: 'event-1#0',
      event,
      subscriptions: [{ endpoint: phone.endpoint, keys: phone.keys }],
      attempt: 0,
    };
    const response = await sendPush(sqsEvent(sqsRecord(JSON.stringify(job), 'job-again')), lambdaContext);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(receiver.received.filter((r) => r.path === '/lambda/again')).toEqual([]);
  });

  it('send-push skips the subscriptions a redelivered job had claimed before its invocation died', async () => {
    const reached = receiver.createSubscription('/lambda/claimed');
    const fresh = receiver.createSubscription('/lambda/unclaimed');
    dynamo
      .on(UpdateCommand, { Key: { pk: 'claim#event-2#0@0' } })
      .resolves({
        Attributes: { claimed: new Set([endpointDigest(reached.endpoint).toString('base64url')]) },
      })
      .on(UpdateCommand, { Key: { pk: 'idem#job:event-2#0@0' } })
      .resolves({});
    const job: PushJob = {
      type: 'send-push',
      id: 'event-2#0',
      event,
      subscriptions: [reached, fresh].map(({ endpoint, keys }) => ({ endpoint, keys })),
      attempt: 0,
    };
    const response = await sendPush(
      sqsEvent(sqsRecord(JSON.stringify(job), 'job-redelivered')),
      lambdaContext,
    );
    expect(response).toEqual({ batchItemFailures: [] });
    expect(
      receiver.received
        .filter((r) => r.path === '/lambda/claimed' || r.path === '/lambda/unclaimed')
        .map((r) => r.path),
    ).toEqual(['/lambda/unclaimed']);
  });
});
