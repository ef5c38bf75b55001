import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConnectionStore } from '@live-scores/core';
import { decodeCursor, documentClient, encodeCursor } from './document-client.ts';

export interface DynamoDbConnectionsOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  /** Connections API Gateway forgot to disconnect expire after this (the table's TTL attribute `expiresAt`). */
  ttlSeconds?: number;
}

/** The WebSocket connections table: partition key `connectionId`, TTL attribute `expiresAt`. */
export function createDynamoDbConnections(options: DynamoDbConnectionsOptions): ConnectionStore {
  const client = documentClient(options.client);
  const TableName = options.tableName;
  const ttlSeconds = options.ttlSeconds ?? 4 * 3600;

  return {
    async add({ connectionId, connectedAt }) {
      const expiresAt = Math.floor(Date.parse(connectedAt) / 1000) + ttlSeconds;
      await client.send(new PutCommand({ TableName, Item: { connectionId, connectedAt, expiresAt } }));
    },
    async remove(connectionId) {
      await client.send(new DeleteCommand({ TableName, Key: { connectionId } }));
    },
    async listPage(cursor, limit = 1000) {
      const out = await client.send(
        new ScanCommand({
          TableName,
          ProjectionExpression: 'connectionId, connectedAt',
          Limit: limit,
          ExclusiveStartKey: decodeCursor(cursor),
        }),
      );
      const connections = (out.Items ?? []).map((i) => ({
        connectionId: String(i.connectionId),
        connectedAt: String(i.connectedAt),
      }));
      const next = encodeCursor(out.LastEvaluatedKey);
      return { connections, ...(next ? { cursor: next } : {}) };
    },
  };
}
