import { createHash } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  paginateScan,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { SubscriptionPage, SubscriptionStore } from '@live-scores/core';
import { Subscription } from '@live-scores/schema';
import { hasErrorName } from './aws-errors.ts';
import { CONDITIONAL_CHECK_FAILED, decodeCursor, documentClient, encodeCursor } from './document-client.ts';

export interface DynamoDbSubscriptionsOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
}

/**
 * The table's key: a hash of the endpoint. Endpoints run to hundreds of characters and are
 * bearer capabilities; the hash keeps keys short and makes them useless on their own.
 */
export function subscriptionKey(endpoint: string): string {
  return createHash('sha256').update(endpoint).digest('base64url');
}

/** An item that no longer parses (an older shape) is skipped rather than failing a whole fan-out. */
function subscriptionsOf(items: Record<string, unknown>[] | undefined): Subscription[] {
  return (items ?? []).flatMap(({ id: _id, ...fields }) => {
    const parsed = Subscription.safeParse(fields);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Push subscriptions: partition key `id` = `subscriptionKey(endpoint)`. */
export function createDynamoDbSubscriptions(options: DynamoDbSubscriptionsOptions): SubscriptionStore {
  const client = documentClient(options.client);
  const TableName = options.tableName;

  /** One page through the SDK's paginator, resuming from `cursor`. */
  async function scanPage(
    input: Omit<ScanCommandInput, 'TableName'>,
    cursor: string | undefined,
    limit: number,
  ): Promise<SubscriptionPage> {
    const pages = paginateScan(
      { client, pageSize: limit, startingToken: decodeCursor(cursor) },
      { TableName, ...input },
    );
    for await (const page of pages) {
      const next = encodeCursor(page.LastEvaluatedKey);
      return { subscriptions: subscriptionsOf(page.Items), ...(next ? { cursor: next } : {}) };
    }
    return { subscriptions: [] };
  }

  return {
    async put(subscription) {
      const out = await client.send(
        new PutCommand({
          TableName,
          Item: { id: subscriptionKey(subscription.endpoint), ...subscription },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return { created: out.Attributes === undefined };
    },
    async updatePreferences(endpoint, preferences) {
      try {
        await client.send(
          new UpdateCommand({
            TableName,
            Key: { id: subscriptionKey(endpoint) },
            ConditionExpression: 'attribute_exists(id)',
            ...(preferences
              ? { UpdateExpression: 'SET preferences = :p', ExpressionAttributeValues: { ':p': preferences } }
              : { UpdateExpression: 'REMOVE preferences' }),
          }),
        );
        return true;
      } catch (error) {
        if (hasErrorName(error, CONDITIONAL_CHECK_FAILED)) return false;
        throw error;
      }
    },
    async delete(endpoint) {
      await client.send(new DeleteCommand({ TableName, Key: { id: subscriptionKey(endpoint) } }));
    },
    listPage: (cursor, limit = 500) => scanPage({}, cursor, limit),
    listPageForTeam: (teamId, cursor, limit = 500) =>
      scanPage(
        {
          FilterExpression: 'attribute_not_exists(preferences.teams) OR contains(preferences.teams, :team)',
          ExpressionAttributeValues: { ':team': teamId },
        },
        cursor,
        limit,
      ),
  };
}
