import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RulesStateStore } from '@live-scores/core';
import { RulesState } from '@live-scores/notify';
import { hasErrorName } from './aws-errors.ts';
import { CONDITIONAL_CHECK_FAILED, documentClient } from './document-client.ts';

export interface DynamoDbRulesStateOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  /** A match's state is kept this long after its last save (TTL attribute `expiresAt`). */
  ttlSeconds?: number;
  now?: () => number;
}

/** The item key of a match's state in the rules table, which it shares with the event log. */
export const rulesStateKey = (matchId: string): string => `state#${matchId}`;

/** Rules state per match: partition key `pk` = `state#<matchId>`, optimistic concurrency on `version`. */
export function createDynamoDbRulesState(options: DynamoDbRulesStateOptions): RulesStateStore {
  const client = documentClient(options.client);
  const TableName = options.tableName;
  const ttlSeconds = options.ttlSeconds ?? 7 * 24 * 3600;
  const now = options.now ?? Date.now;

  return {
    async load(matchId) {
      const out = await client.send(
        new GetCommand({ TableName, Key: { pk: rulesStateKey(matchId) }, ConsistentRead: true }),
      );
      if (!out.Item) return null;
      return { state: RulesState.parse(out.Item.state), version: Number(out.Item.version) };
    },
    async save(matchId, state, expectedVersion) {
      const condition =
        expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            };
      try {
        await client.send(
          new PutCommand({
            TableName,
            Item: {
              pk: rulesStateKey(matchId),
              state,
              version: expectedVersion + 1,
              expiresAt: Math.floor(now() / 1000) + ttlSeconds,
            },
            ...condition,
          }),
        );
        return 'saved';
      } catch (error) {
        if (hasErrorName(error, CONDITIONAL_CHECK_FAILED)) return 'conflict';
        throw error;
      }
    },
  };
}
