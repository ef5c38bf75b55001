import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDynamoDbIdempotency } from './dynamodb-idempotency.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());
afterAll(() => dynamo.restore());

const NOW = Date.parse('2025-06-14T13:05:00.000Z');
const store = createDynamoDbIdempotency({
  client: new DynamoDBClient({ region: 'eu-west-2' }),
  tableName: 'rules',
  ttlSeconds: 3600,
  now: () => NOW,
});

/** What DynamoDB answers when the claim's condition fails, with the record it found. */
const lostTo = (status: string) =>
  new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    $metadata: {},
    Item: { pk: { S: 'idem#job:e1#0@0' }, status: { S: status }, leaseUntil: { N: String(NOW + 1) } },
  });

describe('idempotency records in the rules table', () => {
  it('claims a key with one conditional UpdateItem: absent, or in progress under a lease that ran out', async () => {
    dynamo.on(UpdateCommand).resolves({});

    expect(await store.begin('job:e1#0@0', 150_000)).toBe('started');

    expect(dynamo.commandCalls(UpdateCommand).map((call) => call.args[0].input)).toEqual([
      {
        TableName: 'rules',
        Key: { pk: 'idem#job:e1#0@0' },
        UpdateExpression: 'SET #status = :inProgress, leaseUntil = :leaseUntil, expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(pk) OR (#status = :inProgress AND leaseUntil <= :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':inProgress': 'in-progress',
          ':leaseUntil': NOW + 150_000,
          ':now': NOW,
          ':expiresAt': NOW / 1000 + 3600,
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    ]);
  });

  it('answers completed when the claim loses to a completed record', async () => {
    dynamo.on(UpdateCommand).rejects(lostTo('completed'));
    expect(await store.begin('job:e1#0@0', 150_000)).toBe('completed');
  });

  it('answers in-progress when the claim loses to a live lease', async () => {
    dynamo.on(UpdateCommand).rejects(lostTo('in-progress'));
    expect(await store.begin('job:e1#0@0', 150_000)).toBe('in-progress');
  });

  it('passes any other DynamoDB error on, so the message is retried', async () => {
    dynamo
      .on(UpdateCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(store.begin('fanout:e1', 150_000)).rejects.toThrow('Rate exceeded');
  });

  it('completes a key by writing the completed record with its expiry', async () => {
    dynamo.on(PutCommand).resolves({});

    await store.complete('fanout:e1');

    expect(dynamo.commandCalls(PutCommand).map((call) => call.args[0].input)).toEqual([
      {
        TableName: 'rules',
        Item: { pk: 'idem#fanout:e1', status: 'completed', expiresAt: NOW / 1000 + 3600 },
      },
    ]);
  });

  it('releases a key by deleting it only while it is still in progress', async () => {
    dynamo.on(DeleteCommand).resolves({});

    await store.release('fanout:e1');

    expect(dynamo.commandCalls(DeleteCommand).map((call) => call.args[0].input)).toEqual([
      {
        TableName: 'rules',
        Key: { pk: 'idem#fanout:e1' },
        ConditionExpression: '#status = :inProgress',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inProgress': 'in-progress' },
      },
    ]);
  });

  it('leaves a completed key alone when asked to release it', async () => {
    dynamo.on(DeleteCommand).rejects(lostTo('completed'));
    await expect(store.release('fanout:e1')).resolves.toBeUndefined();
  });
});
