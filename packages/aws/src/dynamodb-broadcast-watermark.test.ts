import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { scorecard as sampleScorecard } from '@live-scores/test-support';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDynamoDbBroadcastWatermark } from './dynamodb-broadcast-watermark.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());
afterAll(() => dynamo.restore());

const NOW = Date.parse('2025-06-14T13:05:00.000Z');
const watermark = createDynamoDbBroadcastWatermark({
  client: new DynamoDBClient({ region: 'eu-west-2' }),
  tableName: 'rules',
  ttlSeconds: 3600,
  now: () => NOW,
});
const position = { capturedAt: '2025-06-14T13:04:40.000Z', seq: 304 };

describe('the broadcast watermark in the rules table', () => {
  it('moves the mark with one conditional UpdateItem that admits only a newer or equal scorecard', async () => {
    dynamo.on(UpdateCommand).resolves({});

    expect((await watermark.advance('6123456', position)).advanced).toBe(true);

    expect(dynamo.commandCalls(UpdateCommand).map((call) => call.args[0].input)).toEqual([
      {
        TableName: 'rules',
        Key: { pk: 'broadcast#6123456' },
        UpdateExpression: 'SET capturedAt = :c, seq = :s, expiresAt = :e REMOVE scorecard',
        ConditionExpression: 'attribute_not_exists(pk) OR capturedAt < :c OR (capturedAt = :c AND seq <= :s)',
        ExpressionAttributeValues: {
          ':c': Date.parse('2025-06-14T13:04:40.000Z'),
          ':s': 304,
          ':e': NOW / 1000 + 3600,
        },
        ReturnValues: 'ALL_OLD',
      },
    ]);
  });

  it('keeps the scorecard with the mark and hands back the one it held, in the same write', async () => {
    const held = { ...sampleScorecard(), capturedAt: '2025-06-14T13:04:20.000Z', seq: 303 };
    const next = { ...sampleScorecard(), ...position };
    dynamo
      .on(UpdateCommand)
      .resolves({ Attributes: { pk: 'broadcast#6123456', scorecard: JSON.stringify(held) } });

    expect(await watermark.advance('6123456', position, next)).toEqual({ advanced: true, previous: held });

    const input = dynamo.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(input.UpdateExpression).toBe('SET capturedAt = :c, seq = :s, expiresAt = :e, scorecard = :sc');
    expect(JSON.parse(input.ExpressionAttributeValues![':sc'] as string)).toEqual(next);
  });

  it('treats a kept scorecard that no longer reads as one as absent, so the next broadcast is full', async () => {
    dynamo.on(UpdateCommand).resolves({ Attributes: { scorecard: '{"matchId":' } });
    expect(await watermark.advance('6123456', position)).toEqual({ advanced: true });
  });

  it('answers false when the condition fails: a newer scorecard was already broadcast', async () => {
    dynamo
      .on(UpdateCommand)
      .rejects(
        new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }),
      );

    expect((await watermark.advance('6123456', { ...position, seq: 303 })).advanced).toBe(false);
  });

  it('passes any other DynamoDB error on, so the message is retried', async () => {
    dynamo
      .on(UpdateCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));

    await expect(watermark.advance('6123456', position)).rejects.toThrow('Rate exceeded');
  });

  it('refuses a capture time that is not a date, in one line and without writing', async () => {
    await expect(watermark.advance('6123456', { capturedAt: 'yesterday', seq: 1 })).rejects.toThrow(
      'capturedAt is not a date: yesterday',
    );
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});
