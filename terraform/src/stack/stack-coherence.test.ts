/**
 * The synthesized stack against the code it runs: what each handler's bundle reads from its
 * environment is set and names something the stack declares, every resource a function is
 * pointed at is one its role may use that way, and every table is keyed the way its
 * adapters address items. (dynamodb-adapters.dynalite.test.ts runs the same adapters on
 * tables created from these key schemas.)
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  createDynamoDbBroadcastWatermark,
  createDynamoDbConnections,
  createDynamoDbEventLog,
  createDynamoDbFixturesTable,
  createDynamoDbIdempotency,
  createDynamoDbRulesState,
  createDynamoDbSubscriptions,
} from '@live-scores/aws';
import { mockClient } from 'aws-sdk-client-mock';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionBundleText } from '../build/bundle.ts';
import { ENV, type EnvName, FUNCTIONS } from '../manifest.ts';
import { type SynthesizedExample, synthesizeExample } from '../testing/example-stack.ts';
import {
  addressOf,
  allowsOn,
  apiRouteExists,
  cloudFrontOriginFor,
  declares,
  environmentReads,
  referencesIn,
  synthesizedFunction,
} from '../testing/stack-coherence.ts';

const functionsSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../functions/src');

/** What each variable must name: a resource type of the stack, a Terraform variable, or a value. */
const NAMES: Record<EnvName, string> = {
  HTML_QUEUE_URL: 'aws_sqs_queue',
  PUSH_QUEUE_URL: 'aws_sqs_queue',
  BROADCAST_QUEUE_URL: 'aws_sqs_queue',
  HTML_BUCKET: 'aws_s3_bucket',
  SCORECARD_BUCKET: 'aws_s3_bucket',
  SCORECARD_TOPIC_ARN: 'aws_sns_topic',
  FIXTURES_TABLE: 'aws_dynamodb_table',
  CONNECTIONS_TABLE: 'aws_dynamodb_table',
  SUBSCRIPTIONS_TABLE: 'aws_dynamodb_table',
  RULES_TABLE: 'aws_dynamodb_table',
  WS_MANAGEMENT_ENDPOINT: 'aws_apigatewayv2_api',
  SCRAPER_LAUNCH_TEMPLATE_ID: 'aws_launch_template',
  VAPID_PUBLIC_KEY: 'var',
  VAPID_PRIVATE_KEY_PARAMETER: 'parameter',
  CMS_TOKEN_PARAMETER: 'parameter',
  LLM_API_KEY_PARAMETER: 'parameter',
  LIVE_SCORES_CONFIG_JSON: 'value',
  CLUB_SLUG: 'value',
  POWERTOOLS_SERVICE_NAME: 'value',
  LOG_LEVEL: 'value',
};

/** The IAM action reading an environment variable implies the function needs on what it names. */
const NEEDS: Partial<Record<EnvName, string[]>> = {
  HTML_QUEUE_URL: ['sqs:SendMessage'],
  PUSH_QUEUE_URL: ['sqs:SendMessage'],
  BROADCAST_QUEUE_URL: ['sqs:SendMessage'],
  SCORECARD_TOPIC_ARN: ['sns:Publish'],
  WS_MANAGEMENT_ENDPOINT: ['execute-api:ManageConnections'],
};

let stack: SynthesizedExample;
const reads = new Map<string, ReturnType<typeof environmentReads>>();
beforeAll(async () => {
  stack = synthesizeExample();
  for (const spec of FUNCTIONS)
    reads.set(spec.name, environmentReads(await functionBundleText(spec, functionsSrc)));
}, 180_000);

describe('environment', () => {
  it('reads, in every handler bundle, only variables the manifest knows', () => {
    for (const spec of FUNCTIONS) {
      const { required } = reads.get(spec.name)!;
      expect(required.size, `${spec.name} reads no variable: the scan found nothing`).toBeGreaterThan(0);
      for (const name of required) expect(Object.keys(ENV), `${spec.name} reads ${name}`).toContain(name);
    }
  });

  it('sets every variable a handler requires, for that handler', () => {
    for (const spec of FUNCTIONS) {
      const { environment } = synthesizedFunction(stack, spec.name);
      for (const name of reads.get(spec.name)!.required) {
        expect(environment[name], `${spec.name}: ${name}`).toBeTruthy();
      }
    }
  });

  it('points every variable at something the stack declares, of the kind the variable names', () => {
    for (const spec of FUNCTIONS) {
      const { environment, statements } = synthesizedFunction(stack, spec.name);
      for (const [name, value] of Object.entries(environment)) {
        const kind = NAMES[name as EnvName];
        const where = `${spec.name}: ${name}=${value}`;
        expect(kind, where).toBeDefined();
        for (const address of referencesIn(value)) expect(declares(stack, address), where).toBe(true);
        if (kind === 'value')
          expect(
            referencesIn(value).filter((a) => !a.startsWith('data.')),
            where,
          ).toEqual([]);
        else if (kind === 'var') expect(referencesIn(value), where).toEqual([`var.${value.slice(6, -1)}`]);
        else if (kind === 'parameter')
          expect(
            statements.some(
              (s) =>
                s.Action.includes('ssm:GetParameter') &&
                s.Resource.some((r) => r.endsWith(`:parameter${value}`)),
            ),
            where,
          ).toBe(true);
        else expect(addressOf(value)?.startsWith(`${kind}.`), where).toBe(true);
      }
    }
  });

  it('grants every function what the variables it reads point it at: send to a queue, publish, post to a connection', () => {
    const checked: string[] = [];
    for (const spec of FUNCTIONS) {
      const { environment, statements } = synthesizedFunction(stack, spec.name);
      for (const name of reads.get(spec.name)!.required) {
        for (const action of NEEDS[name as EnvName] ?? []) {
          const address = addressOf(environment[name]!)!;
          expect(allowsOn(statements, action, address), `${spec.name} ${action} on ${name}`).toBe(true);
          checked.push(`${spec.name} ${name}`);
        }
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'notify-rules PUSH_QUEUE_URL',
        'send-push PUSH_QUEUE_URL',
        'broadcast BROADCAST_QUEUE_URL',
        'parse-scorecard SCORECARD_TOPIC_ARN',
      ]),
    );
  });

  it('grants every function some access to each table and bucket it is given', () => {
    for (const spec of FUNCTIONS) {
      const { environment, statements } = synthesizedFunction(stack, spec.name);
      for (const [name, value] of Object.entries(environment)) {
        const kind = NAMES[name as EnvName];
        if (kind !== 'aws_dynamodb_table' && kind !== 'aws_s3_bucket') continue;
        const address = addressOf(value)!;
        const service = kind === 'aws_dynamodb_table' ? 'dynamodb:' : 's3:';
        expect(
          statements.some(
            (s) =>
              s.Action.some((a) => a.startsWith(service)) &&
              s.Resource.some((r) => referencesIn(r).includes(address)),
          ),
          `${spec.name}: ${name}`,
        ).toBe(true);
      }
    }
  });

  it('lets the scraper host send to the queue and write to the bucket its boot script names', () => {
    const [[, template]] = stack.resources('aws_launch_template') as [[string, Record<string, unknown>]];
    const userData = String(template.user_data);
    const queue = /HTML_QUEUE_URL=\$\{([^}]+)\.url\}/.exec(userData)?.[1];
    const bucket = /HTML_BUCKET=\$\{([^}]+)\.bucket\}/.exec(userData)?.[1];
    const [, policy] = stack.resources('aws_iam_role_policy').find(([id]) => id.startsWith('scraper-host_'))!;
    const statements = JSON.parse(String(policy.policy)).Statement;
    expect(queue && allowsOn(statements, 'sqs:SendMessage', queue)).toBe(true);
    expect(bucket && allowsOn(statements, 's3:PutObject', bucket)).toBe(true);
  });
});

describe('tables', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  afterAll(() => ddb.restore());

  /** The key attribute names of every item an adapter's calls address or write. */
  async function keysUsed(
    run: (client: DynamoDBClient) => Promise<unknown>,
  ): Promise<{ keys: string[][]; items: string[][] }> {
    ddb.reset();
    ddb.on(GetCommand).resolves({});
    ddb.on(PutCommand).resolves({});
    ddb.on(UpdateCommand).resolves({ Attributes: undefined });
    ddb.on(DeleteCommand).resolves({});
    await run(new DynamoDBClient({ region: 'eu-west-2' }));
    const inputs = ddb.calls().map((call) => call.args[0].input as { Key?: object; Item?: object });
    return {
      keys: inputs.flatMap((i) => (i.Key ? [Object.keys(i.Key).sort()] : [])),
      items: inputs.flatMap((i) => (i.Item ? [Object.keys(i.Item)] : [])),
    };
  }

  const adapters: Record<string, (client: DynamoDBClient, tableName: string) => Promise<unknown>> = {
    fixtures: async (client, tableName) => {
      const table = createDynamoDbFixturesTable({ client, tableName });
      await table.putIfNew({
        date: '2025-06-14',
        matchId: '6123456',
        teamId: 'firstTeam',
        url: 'https://x.example/website/results/6123456',
      });
      await table.get('2025-06-14', '6123456');
      await table.assignHost('2025-06-14', '6123456', 'i-0abc');
    },
    connections: async (client, tableName) => {
      const connections = createDynamoDbConnections({ client, tableName });
      await connections.add({ connectionId: 'c1=', connectedAt: '2025-06-14T13:00:00.000Z' });
      await connections.remove('c1=');
    },
    subscriptions: async (client, tableName) => {
      const subscriptions = createDynamoDbSubscriptions({ client, tableName });
      const keys = {
        p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'),
        auth: Buffer.alloc(16, 2).toString('base64url'),
      };
      await subscriptions.put({ endpoint: 'https://fcm.googleapis.com/fcm/send/a', keys });
      await subscriptions.updatePreferences('https://fcm.googleapis.com/fcm/send/a', {
        teams: ['firstTeam'],
      });
      await subscriptions.delete('https://fcm.googleapis.com/fcm/send/a');
    },
    rules: async (client, tableName) => {
      await createDynamoDbRulesState({ client, tableName }).load('6123456');
      await createDynamoDbEventLog({ client, tableName }).recordOnce('e1');
      await createDynamoDbIdempotency({ client, tableName }).complete('k1');
      await createDynamoDbBroadcastWatermark({ client, tableName }).advance('6123456', {
        capturedAt: '2025-06-14T13:00:00.000Z',
        seq: 1,
      });
    },
  };

  it('keys every table by exactly the attributes its adapters address items by, and every item carries them', async () => {
    const tables = stack.resources('aws_dynamodb_table');
    expect(tables.map(([, t]) => String(t.name).replace('live-scores-cleckheaton-', '')).sort()).toEqual(
      Object.keys(adapters).sort(),
    );
    for (const [, table] of tables) {
      const suffix = String(table.name).replace('live-scores-cleckheaton-', '');
      const declared = [table.hash_key, table.range_key].filter(Boolean).map(String).sort();
      const used = await keysUsed((client) => adapters[suffix]!(client, String(table.name)));
      expect(used.keys.length + used.items.length, suffix).toBeGreaterThan(0);
      for (const key of used.keys) expect(key, suffix).toEqual(declared);
      for (const item of used.items) expect(item, suffix).toEqual(expect.arrayContaining(declared));
      // Every key attribute is declared with its type, and the TTL attribute is the one items carry.
      expect((table.attribute as { name: string }[]).map((a) => a.name).sort()).toEqual(declared);
      expect((table.ttl as { attribute_name: string }).attribute_name).toBe('expiresAt');
    }
  });
});

describe('the page contract', () => {
  it('reaches an origin or a route for every path the page reads today', () => {
    expect(cloudFrontOriginFor(stack, '/scorecards/2025-06-14/firstTeam.json')).toBe('scorecards');
    expect(cloudFrontOriginFor(stack, '/matches/6123456.json')).toBe('scorecards');
    for (const route of [
      'GET /api/vapid-public-key',
      'POST /api/subscriptions',
      'PUT /api/subscriptions',
      'DELETE /api/subscriptions',
      '$connect',
      '$disconnect',
      'sync',
    ]) {
      expect(apiRouteExists(stack, route), route).toBe(true);
    }
  });
});
