import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventLog } from '@live-scores/core';
import { hasErrorName } from './aws-errors.ts';
import { CONDITIONAL_CHECK_FAILED, documentClient } from './document-client.ts';

export interface DynamoDbEventLogOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  /** Ids are kept this long (TTL attribute `expiresAt`): long past any redelivery. */
  ttlSeconds?: number;
  now?: () => number;
}

/** The item key of a recorded event id in the rules table. */
export const eventLogKey = (eventId: string): string => `event#${eventId}`;

/** Event ids already queued: partition key `pk` = `event#<eventId>`, written with `attribute_not_exists`. */
export function createDynamoDbEventLog(options: DynamoDbEventLogOptions): EventLog {
  const client = documentClient(options.client);
  const TableName = options.tableName;
  const ttlSeconds = options.ttlSeconds ?? 3 * 24 * 3600;
  const now = options.now ?? Date.now;

  return {
    async recordOnce(eventId) {
      try {
        await client.send(
          new PutCommand({
            TableName,
            Item: { pk: eventLogKey(eventId), expiresAt: Math.floor(now() / 1000) + ttlSeconds },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (hasErrorName(error, CONDITIONAL_CHECK_FAILED)) return false;
        throw error;
      }
    },
    async release(eventIds) {
      for (const eventId of eventIds)
        await client.send(new DeleteCommand({ TableName, Key: { pk: eventLogKey(eventId) } }));
    },
  };
}
