import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BroadcastWatermark } from '@live-scores/core';
import { Scorecard } from '@live-scores/schema';
import { hasErrorName } from './aws-errors.ts';
import { CONDITIONAL_CHECK_FAILED, documentClient } from './document-client.ts';

export interface DynamoDbBroadcastWatermarkOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  /** A match's mark is kept this long after its last broadcast (TTL attribute `expiresAt`). */
  ttlSeconds?: number;
  now?: () => number;
}

/** The item key of a match's broadcast mark in the rules table, beside its rules state. */
export const broadcastWatermarkKey = (matchId: string): string => `broadcast#${matchId}`;

/** The kept scorecard, when there is one that still reads as a scorecard (else the next broadcast is full). */
function previousScorecard(stored: unknown): Scorecard | undefined {
  if (typeof stored !== 'string') return undefined;
  try {
    const parsed = Scorecard.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The newest scorecard broadcast per match: `pk` = `broadcast#<matchId>`, `capturedAt` in
 * epoch ms (a number, so the condition compares times, not strings) and `seq`, with the
 * scorecard itself (JSON) as the base of the next diff; the old item comes back from the same
 * write. The compare and the write are one conditional UpdateItem, so racing consumers cannot move it back.
 */
export function createDynamoDbBroadcastWatermark(
  options: DynamoDbBroadcastWatermarkOptions,
): BroadcastWatermark {
  const client = documentClient(options.client);
  const TableName = options.tableName;
  const ttlSeconds = options.ttlSeconds ?? 3 * 24 * 3600;
  const now = options.now ?? Date.now;

  return {
    async advance(matchId, position, scorecard) {
      const capturedAt = Date.parse(position.capturedAt);
      if (Number.isNaN(capturedAt)) throw new Error(`capturedAt is not a date: ${position.capturedAt}`);
      try {
        const out = await client.send(
          new UpdateCommand({
            TableName,
            Key: { pk: broadcastWatermarkKey(matchId) },
            UpdateExpression: scorecard
              ? 'SET capturedAt = :c, seq = :s, expiresAt = :e, scorecard = :sc'
              : 'SET capturedAt = :c, seq = :s, expiresAt = :e REMOVE scorecard',
            ConditionExpression:
              'attribute_not_exists(pk) OR capturedAt < :c OR (capturedAt = :c AND seq <= :s)',
            ExpressionAttributeValues: {
              ':c': capturedAt,
              ':s': position.seq,
              ':e': Math.floor(now() / 1000) + ttlSeconds,
              ...(scorecard ? { ':sc': JSON.stringify(scorecard) } : {}),
            },
            ReturnValues: 'ALL_OLD',
          }),
        );
        const previous = previousScorecard(out.Attributes?.scorecard);
        return previous ? { advanced: true, previous } : { advanced: true };
      } catch (error) {
        if (hasErrorName(error, CONDITIONAL_CHECK_FAILED)) return { advanced: false };
        throw error;
      }
    },
  };
}
