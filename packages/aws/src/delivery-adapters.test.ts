import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { modeOf, type NotificationEvent, type PushJob } from '@live-scores/schema';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiGatewayConnectionSender } from './api-gateway-connection-sender.ts';
import { createDynamoDbConnections } from './dynamodb-connections.ts';
import { createDynamoDbEventLog } from './dynamodb-event-log.ts';
import { createDynamoDbRulesState } from './dynamodb-rules-state.ts';
import { createDynamoDbSubscriptions, subscriptionKey } from './dynamodb-subscriptions.ts';
import { sqsBatches } from './sqs-batches.ts';
import { createSqsPushQueue } from './sqs-push-queue.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const apigw = mockClient(ApiGatewayManagementApiClient);
const sqs = mockClient(SQSClient);
afterEach(() => {
  dynamo.reset();
  apigw.reset();
  sqs.reset();
});

const client = new DynamoDBClient({ region: 'eu-west-2' });
const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
const keys = {
  p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'),
  auth: Buffer.alloc(16, 2).toString('base64url'),
};
const subscription = { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys };
const event: NotificationEvent = {
  id: '6123456:1:wicket:1',
  matchId: '6123456',
  teamId: 'firstTeam',
  kind: 'wicket',
  title: '1st XI · Wicket',
  body: 'A Smith b J Thurwell 10',
  createdAt: '2025-06-14T13:00:20.000Z',
};

describe('the DynamoDB connections table', () => {
  const table = createDynamoDbConnections({ client, tableName: 'connections', ttlSeconds: 3600 });

  it('stores a connection with its TTL attribute', async () => {
    dynamo.on(PutCommand).resolves({});
    await table.add({ connectionId: 'abc=', connectedAt: '2025-06-14T13:00:00.000Z' });
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 'connections',
      Item: {
        connectionId: 'abc=',
        connectedAt: '2025-06-14T13:00:00.000Z',
        expiresAt: Date.parse('2025-06-14T14:00:00.000Z') / 1000,
      },
    });
  });

  it('pages with the last evaluated key as an opaque cursor', async () => {
    dynamo
      .on(ScanCommand)
      .resolvesOnce({
        Items: [{ connectionId: 'a', connectedAt: 't' }],
        LastEvaluatedKey: { connectionId: 'a' },
      })
      .resolvesOnce({ Items: [{ connectionId: 'b', connectedAt: 't' }] });
    const first = await table.listPage(undefined, 1);
    const second = await table.listPage(first.cursor, 1);
    expect([first.connections, second.connections, second.cursor]).toEqual([
      [{ connectionId: 'a', connectedAt: 't' }],
      [{ connectionId: 'b', connectedAt: 't' }],
      undefined,
    ]);
    expect(dynamo.commandCalls(ScanCommand)[1]?.args[0].input).toEqual({
      TableName: 'connections',
      ProjectionExpression: 'connectionId, connectedAt',
      Limit: 1,
      ExclusiveStartKey: { connectionId: 'a' },
    });
  });

  it('deletes by connection id', async () => {
    dynamo.on(DeleteCommand).resolves({});
    await table.remove('abc=');
    expect(dynamo.commandCalls(DeleteCommand)[0]?.args[0].input).toEqual({
      TableName: 'connections',
      Key: { connectionId: 'abc=' },
    });
  });
});

describe('the API Gateway connection sender', () => {
  const sender = createApiGatewayConnectionSender({
    client: new ApiGatewayManagementApiClient({
      region: 'eu-west-2',
      endpoint: 'https://x.execute-api.eu-west-2.amazonaws.com/live',
    }),
  });

  it('posts the frame to the connection', async () => {
    apigw.on(PostToConnectionCommand).resolves({});
    expect(await sender.send('abc=', '{"type":"scorecard"}')).toBe('sent');
    const input = apigw.commandCalls(PostToConnectionCommand)[0]?.args[0].input;
    expect([input?.ConnectionId, Buffer.from(input?.Data as Uint8Array).toString()]).toEqual([
      'abc=',
      '{"type":"scorecard"}',
    ]);
  });

  it('reports a GoneException as gone, and other errors as failed', async () => {
    apigw
      .on(PostToConnectionCommand)
      .rejectsOnce(new GoneException({ message: 'gone', $metadata: { httpStatusCode: 410 } }))
      .rejectsOnce(new Error('throttled'));
    expect(await sender.send('a', 'x')).toBe('gone');
    expect(await sender.send('b', 'x')).toBe('failed');
  });
});

describe('the DynamoDB subscriptions table', () => {
  const table = createDynamoDbSubscriptions({ client, tableName: 'subscriptions' });

  it('keys a subscription by the hash of its endpoint and tells a new one from a replacement', async () => {
    dynamo
      .on(PutCommand)
      .resolvesOnce({})
      .resolvesOnce({ Attributes: { id: 'x' } });
    expect(await table.put(subscription)).toEqual({ created: true });
    expect(await table.put(subscription)).toEqual({ created: false });
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 'subscriptions',
      Item: { id: subscriptionKey(subscription.endpoint), ...subscription },
      ReturnValues: 'ALL_OLD',
    });
    expect(subscriptionKey(subscription.endpoint)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('updates preferences only of an existing item', async () => {
    dynamo.on(UpdateCommand).resolvesOnce({}).rejectsOnce(conditionFailed());
    expect(await table.updatePreferences(subscription.endpoint, { teams: ['firstTeam'] })).toBe(true);
    expect(await table.updatePreferences(subscription.endpoint, undefined)).toBe(false);
    const [set, remove] = dynamo.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(set).toEqual({
      TableName: 'subscriptions',
      Key: { id: subscriptionKey(subscription.endpoint) },
      ConditionExpression: 'attribute_exists(id)',
      UpdateExpression: 'SET preferences = :p',
      ExpressionAttributeValues: { ':p': { teams: ['firstTeam'] } },
    });
    expect(remove?.UpdateExpression).toBe('REMOVE preferences');
  });

  it('sets a mode like any preference, and reads an item stored before modes as everything', async () => {
    dynamo
      .on(UpdateCommand)
      .resolvesOnce({})
      .on(ScanCommand)
      .resolvesOnce({ Items: [{ id: 'h1', ...subscription, preferences: { teams: ['firstTeam'] } }] });
    expect(await table.updatePreferences(subscription.endpoint, { mode: 'results-only' })).toBe(true);
    expect(dynamo.commandCalls(UpdateCommand)[0]?.args[0].input.ExpressionAttributeValues).toEqual({
      ':p': { mode: 'results-only' },
    });
    const [older] = (await table.listPage()).subscriptions;
    expect(older?.preferences).toEqual({ teams: ['firstTeam'] });
    expect(modeOf(older?.preferences)).toBe('everything');
  });

  it('scans a team page by page with the paginator, keeping subscribers with no team preference', async () => {
    dynamo
      .on(ScanCommand)
      .resolvesOnce({
        Items: [
          { id: 'h1', ...subscription },
          { id: 'h2', endpoint: 'broken' },
        ],
        LastEvaluatedKey: { id: 'h2' },
      })
      .resolvesOnce({ Items: [] });
    const first = await table.listPageForTeam('firstTeam', undefined, 2);
    expect(first.subscriptions).toEqual([subscription]);
    const second = await table.listPageForTeam('firstTeam', first.cursor, 2);
    expect(second).toEqual({ subscriptions: [] });
    const inputs = dynamo.commandCalls(ScanCommand).map((c) => c.args[0].input);
    expect(inputs[0]).toEqual({
      TableName: 'subscriptions',
      FilterExpression: 'attribute_not_exists(preferences.teams) OR contains(preferences.teams, :team)',
      ExpressionAttributeValues: { ':team': 'firstTeam' },
      Limit: 2,
    });
    expect(inputs[1]?.ExclusiveStartKey).toEqual({ id: 'h2' });
  });
});

describe('the rules state in the rules table', () => {
  const state = {
    version: 1 as const,
    matchId: '6123456',
    last: { capturedAt: '2025-06-14T13:00:00Z', seq: 1 },
    innings: [],
    resultSent: false,
  };
  const table = createDynamoDbRulesState({
    client,
    tableName: 'rules',
    ttlSeconds: 100,
    now: () => 1_000_000,
  });

  it('creates the first version only if there is none', async () => {
    dynamo.on(PutCommand).resolves({});
    expect(await table.save('6123456', state, 0)).toBe('saved');
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 'rules',
      Item: { pk: 'state#6123456', state, version: 1, expiresAt: 1100 },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('advances a version only from the one loaded, and reports a conflict otherwise', async () => {
    dynamo.on(PutCommand).rejects(conditionFailed());
    expect(await table.save('6123456', state, 4)).toBe('conflict');
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      Item: { version: 5 },
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': 4 },
    });
  });

  it('loads with a consistent read', async () => {
    dynamo.on(GetCommand).resolves({ Item: { pk: 'state#6123456', state, version: 3 } });
    expect(await table.load('6123456')).toEqual({ state, version: 3 });
    expect(dynamo.commandCalls(GetCommand)[0]?.args[0].input).toEqual({
      TableName: 'rules',
      Key: { pk: 'state#6123456' },
      ConsistentRead: true,
    });
  });
});

describe('the event log in the rules table', () => {
  const log = createDynamoDbEventLog({ client, tableName: 'events', ttlSeconds: 60, now: () => 2_000_000 });

  it('records an id with attribute_not_exists and says false when it was already there', async () => {
    dynamo.on(PutCommand).resolvesOnce({}).rejectsOnce(conditionFailed());
    expect(await log.recordOnce(event.id)).toBe(true);
    expect(await log.recordOnce(event.id)).toBe(false);
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 'events',
      Item: { pk: 'event#6123456:1:wicket:1', expiresAt: 2060 },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });
});

describe('the SQS push queue', () => {
  const queue = createSqsPushQueue({
    client: new SQSClient({ region: 'eu-west-2' }),
    queueUrl: 'https://sqs/push',
  });

  it('sends events in batches of ten', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    await queue.enqueueEvents(Array.from({ length: 23 }, (_, i) => ({ ...event, id: `e${i}` })));
    const batches = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries ?? []);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 3]);
    expect(JSON.parse(batches[0]![0]!.MessageBody!)).toEqual({
      type: 'event',
      event: { ...event, id: 'e0' },
    });
  });

  it('delays requeued jobs by whole seconds, at most 15 minutes', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const job: PushJob = {
      type: 'send-push',
      id: 'event-1#0',
      event,
      subscriptions: [subscription],
      attempt: 1,
    };
    await queue.enqueueJobs([job], { delayMs: 1500 });
    await queue.enqueueJobs([job], { delayMs: 3_600_000 });
    expect(
      sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries?.[0]?.DelaySeconds),
    ).toEqual([2, 900]);
  });

  it("sends a digest window's flush delayed by the window, at most 15 minutes", async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const flush = {
      type: 'flush-digest',
      matchId: '6123456',
      teamId: 'firstTeam',
      window: 'digest:e1',
    } as const;
    await queue.enqueueDigestFlush(flush, { delayMs: 90_000 });
    await queue.enqueueDigestFlush(flush, { delayMs: 1_200_000 });
    const entries = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries![0]!);
    expect(entries.map((e) => e.DelaySeconds)).toEqual([90, 900]);
    expect(JSON.parse(entries[0]!.MessageBody!)).toEqual(flush);
  });

  it('throws when SQS refuses an entry, so the caller retries', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .resolves({ Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });
    await expect(queue.enqueueEvents([event])).rejects.toThrow('SQS refused 1 of 1 messages: InternalError');
  });

  it('keeps each batch under the 256 KiB request limit', () => {
    const big = 'x'.repeat(100 * 1024);
    expect(sqsBatches([big, big, big, 'small']).map((b) => b.length)).toEqual([2, 2]);
  });
});
