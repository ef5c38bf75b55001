import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  PutCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { FIXTURE_TTL_SECONDS, systemClock, type Clock, type FixturesTable } from '@live-scores/core';
import { FixtureRecord, type MatchDay } from '@live-scores/schema';
import { hasErrorName } from './aws-errors.ts';

export interface DynamoDbFixturesTableOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  clock?: Clock;
}

/**
 * The fixtures table's item: partition key `pk` = the match day, sort key `sk` = the match
 * id, so one Query returns a day. `expiresAt` (epoch seconds) is the table's TTL attribute.
 */
interface FixtureItem extends FixtureRecord {
  pk: string;
  sk: string;
  expiresAt: number;
}

/** A stream image or a read item → the record, validated (a foreign item throws one line). */
export function fixtureRecordFromItem(item: Record<string, unknown>): FixtureRecord {
  const { pk: _pk, sk: _sk, expiresAt: _expiresAt, ...fields } = item;
  return FixtureRecord.parse({ hostId: null, completedAt: null, ...fields });
}

/** A DynamoDB stream's `NewImage` (attribute-value JSON) → the fixture record it holds. */
export function fixtureRecordFromStreamImage(image: Record<string, unknown>): FixtureRecord {
  return fixtureRecordFromItem(unmarshall(image as Record<string, AttributeValue>));
}

const CONDITIONAL_CHECK_FAILED = 'ConditionalCheckFailedException';

export function createDynamoDbFixturesTable(options: DynamoDbFixturesTableOptions): FixturesTable {
  const client =
    options.client instanceof DynamoDBDocumentClient
      ? options.client
      : DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
  const TableName = options.tableName;
  const clock = options.clock ?? systemClock;

  async function get(date: MatchDay, matchId: string): Promise<FixtureRecord | undefined> {
    const out = await client.send(
      new GetCommand({ TableName, Key: { pk: date, sk: matchId }, ConsistentRead: true }),
    );
    return out.Item ? fixtureRecordFromItem(out.Item) : undefined;
  }

  async function query(date: MatchDay, liveOnly: boolean): Promise<FixtureRecord[]> {
    const input: QueryCommandInput = {
      TableName,
      KeyConditionExpression: 'pk = :date',
      ExpressionAttributeValues: { ':date': date, ...(liveOnly ? { ':live': 'live' } : {}) },
      ...(liveOnly
        ? { FilterExpression: '#status = :live', ExpressionAttributeNames: { '#status': 'status' } }
        : {}),
      ConsistentRead: true,
    };
    const records: FixtureRecord[] = [];
    for await (const page of paginateQuery({ client }, input)) {
      for (const item of page.Items ?? []) records.push(fixtureRecordFromItem(item));
    }
    return records;
  }

  return {
    get,

    async putIfNew(fixture) {
      const now = clock.now();
      const item: FixtureItem = {
        pk: fixture.date,
        sk: fixture.matchId,
        ...fixture,
        status: 'live',
        hostId: null,
        discoveredAt: now.toISOString(),
        completedAt: null,
        expiresAt: Math.floor(now.getTime() / 1000) + FIXTURE_TTL_SECONDS,
      };
      try {
        await client.send(
          new PutCommand({ TableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
        );
        return true;
      } catch (error) {
        if (hasErrorName(error, CONDITIONAL_CHECK_FAILED)) return false;
        throw error;
      }
    },

    async markComplete(date, matchId, completedAt) {
      try {
        const out = await client.send(
          new UpdateCommand({
            TableName,
            Key: { pk: date, sk: matchId },
            UpdateExpression: 'SET #status = :complete, completedAt = :completedAt',
            ConditionExpression: 'attribute_exists(pk) AND #status <> :complete',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':complete': 'complete', ':completedAt': completedAt },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { record: fixtureRecordFromItem(out.Attributes ?? {}), changed: true };
      } catch (error) {
        if (!hasErrorName(error, CONDITIONAL_CHECK_FAILED)) throw error;
        const record = await get(date, matchId);
        return record ? { record, changed: false } : undefined;
      }
    },

    async assignHost(date, matchId, hostId) {
      await client.send(
        new UpdateCommand({
          TableName,
          Key: { pk: date, sk: matchId },
          UpdateExpression: 'SET hostId = :hostId',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':hostId': hostId },
        }),
      );
    },

    listDay: (date) => query(date, false),
    listLive: (date) => query(date, true),
  };
}
