import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { endpointDigest } from '@live-scores/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDynamoDbDeliveryClaims } from './dynamodb-delivery-claims.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());
afterAll(() => dynamo.restore());

const NOW = Date.parse('2025-06-14T13:05:00.000Z');
const claims = createDynamoDbDeliveryClaims({
  client: new DynamoDBClient({ region: 'eu-west-2' }),
  tableName: 'rules',
  ttlSeconds: 3600,
  now: () => NOW,
});
const phone = 'https://fcm.googleapis.com/fcm/send/phone';
const laptop = 'https://updates.push.services.mozilla.com/wpush/v2/laptop';
const digest = (endpoint: string) => endpointDigest(endpoint).toString('base64url');

describe('push job claims in the rules table', () => {
  it('claims a whole job with one UpdateItem: its digests added to the set, the expiry set once', async () => {
    dynamo.on(UpdateCommand).resolves({});

    expect(await claims.claim('e1#0@0', [phone, laptop])).toEqual(new Set([phone, laptop]));

    expect(dynamo.commandCalls(UpdateCommand).map((call) => call.args[0].input)).toEqual([
      {
        TableName: 'rules',
        Key: { pk: 'claim#e1#0@0' },
        UpdateExpression: 'ADD claimed :digests SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
        ExpressionAttributeValues: {
          ':digests': new Set([digest(phone), digest(laptop)]),
          ':expiresAt': NOW / 1000 + 3600,
        },
        ReturnValues: 'UPDATED_OLD',
      },
    ]);
  });

  it('answers only the subscriptions the set did not hold before', async () => {
    dynamo.on(UpdateCommand).resolves({ Attributes: { claimed: new Set([digest(phone)]) } });
    expect(await claims.claim('e1#0@0', [phone, laptop])).toEqual(new Set([laptop]));
  });

  it('writes nothing for a job with no subscriptions', async () => {
    expect(await claims.claim('e1#0@0', [])).toEqual(new Set());
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('lets a failed write fail the job, so the queue redelivers it', async () => {
    dynamo.on(UpdateCommand).rejects(new Error('ProvisionedThroughputExceededException'));
    await expect(claims.claim('e1#0@0', [phone])).rejects.toThrow('ProvisionedThroughputExceeded');
  });
});
