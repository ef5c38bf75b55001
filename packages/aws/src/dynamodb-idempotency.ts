import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { IdempotencyStore } from '@live-scores/core';
import { hasErrorName } from './aws-errors.ts';
import { CONDITIONAL_CHECK_FAILED, documentClient } from './document-client.ts';

export interface DynamoDbIdempotencyOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  /** Records are kept this long (TTL attribute `expiresAt`), far past the queue's redeliveries. */
  ttlSeconds?: number;
  now?: () => number;
}

/** The item key of an idempotency record in the rules table, beside the match states. */
export const idempotencyKey = (key: string): string => `idem#${key}`;

const IN_PROGRESS = 'in-progress';
const COMPLETED = 'completed';

/** The record a failed condition returned (`ReturnValuesOnConditionCheckFailure`), in plain values. */
function oldStatus(error: unknown): unknown {
  const item = (error as { Item?: Parameters<typeof unmarshall>[0] }).Item;
  return item ? unmarshall(item).status : undefined;
}

/**
 * Idempotency records: `pk` = `idem#<key>`, `status` (`in-progress` | `completed`),
 * `leaseUntil` (epoch ms) and `expiresAt`. Claiming is one conditional UpdateItem (absent,
 * or in progress under a lease that ran out), which also returns the record it lost to, so
 * a duplicate learns in one request whether the work is done or still running.
 */
export function createDynamoDbIdempotency(options: DynamoDbIdempotencyOptions): IdempotencyStore {
  const client = documentClient(options.client);
  const TableName = options.tableName;
  const ttlSeconds = options.ttlSeconds ?? 3 * 24 * 3600;
  const now = options.now ?? Date.now;
  const expiresAt = (): number => Math.floor(now() / 1000) + ttlSeconds;

  return {
    async begin(key, leaseMs) {
      const at = now();
      try {
        await client.send(
          new UpdateCommand({
            TableName,
            Key: { pk: idempotencyKey(key) },
            UpdateExpression: 'SET #status = :inProgress, leaseUntil = :leaseUntil, expiresAt = :expiresAt',
            ConditionExpression: 'attribute_not_exists(pk) OR (#status = :inProgress AND leaseUntil <= :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':inProgress': IN_PROGRESS,
              ':leaseUntil': at + leaseMs,
              ':now': at,
              ':expiresAt': expiresAt(),
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return 'started';
      } catch (error) {
        if (!hasErrorName(error, CONDITIONAL_CHECK_FAILED)) throw error;
        return oldStatus(error) === COMPLETED ? 'completed' : 'in-progress';
      }
    },
    async complete(key) {
      await client.send(
        new PutCommand({
          TableName,
          Item: { pk: idempotencyKey(key), status: COMPLETED, expiresAt: expiresAt() },
        }),
      );
    },
    async release(key) {
      try {
        await client.send(
          new DeleteCommand({
            TableName,
            Key: { pk: idempotencyKey(key) },
            ConditionExpression: '#status = :inProgress',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':inProgress': IN_PROGRESS },
          }),
        );
      } catch (error) {
        // Already completed (or gone): nothing to give back.
        if (!hasErrorName(error, CONDITIONAL_CHECK_FAILED)) throw error;
      }
    },
  };
}
