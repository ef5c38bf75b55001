import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { FixtureRecord } from '@live-scores/schema';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createDynamoDbFixturesTable, fixtureRecordFromStreamImage } from './dynamodb-fixtures-table.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const now = new Date('2025-06-14T10:30:00.000Z');
const table = createDynamoDbFixturesTable({
  client: new DynamoDBClient({ region: 'eu-west-2' }),
  tableName: 'fixtures',
  clock: { now: () => now },
});
const fixture = {
  date: '2025-06-14',
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
};
const record: FixtureRecord = {
  ...fixture,
  status: 'live',
  hostId: 'i-0abc',
  discoveredAt: now.toISOString(),
  completedAt: null,
};
const conditionFailed = (): ConditionalCheckFailedException =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

afterEach(() => ddb.reset());

describe('the DynamoDB fixtures table', () => {
  it('puts a fixture only if its (date, matchId) key is new, with a 24 h TTL', async () => {
    ddb.on(PutCommand).resolves({});

    expect(await table.putIfNew(fixture)).toBe(true);

    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input).toEqual({
      TableName: 'fixtures',
      Item: {
        pk: '2025-06-14',
        sk: '6123456',
        ...fixture,
        status: 'live',
        hostId: null,
        discoveredAt: '2025-06-14T10:30:00.000Z',
        completedAt: null,
        expiresAt: Math.floor(now.getTime() / 1000) + 86_400,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('answers false when the fixture was already recorded', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());
    expect(await table.putIfNew(fixture)).toBe(false);
  });

  it('marks a match complete only while it is live, returning the new record', async () => {
    ddb
      .on(UpdateCommand)
      .resolves({ Attributes: { pk: '2025-06-14', sk: '6123456', ...record, status: 'complete' } });

    const out = await table.markComplete('2025-06-14', '6123456', '2025-06-14T17:00:00.000Z');

    expect(out).toEqual({ record: { ...record, status: 'complete' }, changed: true });
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toEqual({
      TableName: 'fixtures',
      Key: { pk: '2025-06-14', sk: '6123456' },
      UpdateExpression: 'SET #status = :complete, completedAt = :completedAt',
      ConditionExpression: 'attribute_exists(pk) AND #status <> :complete',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':complete': 'complete', ':completedAt': '2025-06-14T17:00:00.000Z' },
      ReturnValues: 'ALL_NEW',
    });
  });

  it('reports a duplicate completion as unchanged, read consistently', async () => {
    ddb.on(UpdateCommand).rejects(conditionFailed());
    ddb.on(GetCommand).resolves({ Item: { pk: '2025-06-14', sk: '6123456', ...record, status: 'complete' } });

    const out = await table.markComplete('2025-06-14', '6123456', '2025-06-14T17:00:00.000Z');

    expect(out).toEqual({ record: { ...record, status: 'complete' }, changed: false });
    expect(ddb.commandCalls(GetCommand)[0]!.args[0].input).toEqual({
      TableName: 'fixtures',
      Key: { pk: '2025-06-14', sk: '6123456' },
      ConsistentRead: true,
    });
  });

  it('reports completing an unknown match as undefined', async () => {
    ddb.on(UpdateCommand).rejects(conditionFailed());
    ddb.on(GetCommand).resolves({});
    expect(await table.markComplete('2025-06-14', '999', '2025-06-14T17:00:00.000Z')).toBeUndefined();
  });

  it('lists the live matches of a day with a consistent, paginated query', async () => {
    const second = { ...record, matchId: '6123457', teamId: 'secondTeam' };
    ddb
      .on(QueryCommand)
      .resolvesOnce({
        Items: [{ pk: '2025-06-14', sk: '6123456', ...record }],
        LastEvaluatedKey: { pk: '2025-06-14', sk: '6123456' },
      })
      .resolves({ Items: [{ pk: '2025-06-14', sk: '6123457', ...second }] });

    const live = await table.listLive('2025-06-14');

    expect(live.map((f) => f.matchId)).toEqual(['6123456', '6123457']);
    const calls = ddb.commandCalls(QueryCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input).toEqual({
      TableName: 'fixtures',
      KeyConditionExpression: 'pk = :date',
      FilterExpression: '#status = :live',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':date': '2025-06-14', ':live': 'live' },
      ConsistentRead: true,
      ExclusiveStartKey: { pk: '2025-06-14', sk: '6123456' },
    });
  });

  it('records the host watching a match', async () => {
    ddb.on(UpdateCommand).resolves({});
    await table.assignHost('2025-06-14', '6123456', 'i-0abc');
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toEqual({
      TableName: 'fixtures',
      Key: { pk: '2025-06-14', sk: '6123456' },
      UpdateExpression: 'SET hostId = :hostId',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':hostId': 'i-0abc' },
    });
  });

  it("reads a stream record's NewImage back into a validated fixture record", () => {
    const image = marshall({ pk: '2025-06-14', sk: '6123456', ...record, expiresAt: 1749983400 });
    expect(fixtureRecordFromStreamImage(image)).toEqual(record);
    expect(() => fixtureRecordFromStreamImage(marshall({ pk: 'x', matchId: 'abc' }))).toThrow(/matchId/);
  });
});
