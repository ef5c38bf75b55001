import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { endpointDigest, type DeliveryClaims } from '@live-scores/core';
import { documentClient } from './document-client.ts';

export interface DynamoDbDeliveryClaimsOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  /** Claims are kept this long (TTL attribute `expiresAt`), far past the queue's redeliveries. */
  ttlSeconds?: number;
  now?: () => number;
}

/** The item key of a push job's claims in the rules table. */
export const deliveryClaimsKey = (deliveryKey: string): string => `claim#${deliveryKey}`;

/**
 * A job's claims as one item in the rules table: `pk` = `claim#<job>@<attempt>`, `claimed`
 * a string set of endpoint digests, `expiresAt` for TTL. Claiming is one UpdateItem that
 * ADDs the job's digests to the set and returns the set as it was (`UPDATED_OLD`): an ADD
 * is atomic, so of two runs claiming at once each digest is new to exactly one of them.
 * The expiry is set on the first claim only (`if_not_exists`), so a redelivery does not
 * keep the item alive.
 */
export function createDynamoDbDeliveryClaims(options: DynamoDbDeliveryClaimsOptions): DeliveryClaims {
  const client = documentClient(options.client);
  const TableName = options.tableName;
  const ttlSeconds = options.ttlSeconds ?? 3 * 24 * 3600;
  const now = options.now ?? Date.now;
  return {
    async claim(deliveryKey, endpoints) {
      const digests = new Map(endpoints.map((e) => [endpointDigest(e).toString('base64url'), e]));
      if (digests.size === 0) return new Set();
      const out = await client.send(
        new UpdateCommand({
          TableName,
          Key: { pk: deliveryClaimsKey(deliveryKey) },
          UpdateExpression: 'ADD claimed :digests SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
          ExpressionAttributeValues: {
            ':digests': new Set(digests.keys()),
            ':expiresAt': Math.floor(now() / 1000) + ttlSeconds,
          },
          ReturnValues: 'UPDATED_OLD',
        }),
      );
      const before = (out.Attributes?.claimed as Set<string> | undefined) ?? new Set<string>();
      return new Set([...digests].filter(([digest]) => !before.has(digest)).map(([, endpoint]) => endpoint));
    },
  };
}
