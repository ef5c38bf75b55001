import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SynthesizedExample } from './example-stack.ts';

/** A synthesized `aws_dynamodb_table`, as far as its keys go. */
export interface SynthesizedTable {
  name: string;
  hashKey: string;
  rangeKey?: string;
  attributes: { name: string; type: string }[];
}

export function synthesizedTables(stack: SynthesizedExample): SynthesizedTable[] {
  return stack.resources('aws_dynamodb_table').map(([, t]) => ({
    name: String(t.name),
    hashKey: String(t.hash_key),
    ...(t.range_key ? { rangeKey: String(t.range_key) } : {}),
    attributes: t.attribute as { name: string; type: string }[],
  }));
}

export interface LocalDynamo {
  client: DynamoDBClient;
  /** The synthesized table whose name ends with `-<suffix>`, e.g. `fixtures`. */
  table(suffix: string): SynthesizedTable;
  stop(): Promise<void>;
}

/**
 * dynalite (an npm DynamoDB implementation on LevelDB, in memory) on 127.0.0.1, with the
 * stack's tables created exactly as the synthesized Terraform declares their keys.
 */
export async function startLocalDynamo(tables: SynthesizedTable[]): Promise<LocalDynamo> {
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    region: 'eu-west-2',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  for (const t of tables) {
    await client.send(
      new CreateTableCommand({
        TableName: t.name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: t.attributes.map((a) => ({
          AttributeName: a.name,
          AttributeType: a.type as 'S' | 'N' | 'B',
        })),
        KeySchema: [
          { AttributeName: t.hashKey, KeyType: 'HASH' },
          ...(t.rangeKey ? [{ AttributeName: t.rangeKey, KeyType: 'RANGE' as const }] : []),
        ],
      }),
    );
  }
  return {
    client,
    table(suffix) {
      const found = tables.find((t) => t.name.endsWith(`-${suffix}`));
      if (!found) throw new Error(`the stack has no table ending in -${suffix}`);
      return found;
    },
    async stop() {
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
