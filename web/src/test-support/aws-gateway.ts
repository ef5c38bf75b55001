import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { pageConfigFor } from '@live-scores/core';
import { parseConfig } from '@live-scores/config';
import { generateVapidKeys } from '@live-scores/push';
import { readStaticFile, WEB_PUBLIC_DIR } from '@live-scores/runtime';
import type { Scorecard } from '@live-scores/schema';
import type { APIGatewayProxyWebsocketEventV2, Context, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { handler as broadcast } from '../../../functions/src/broadcast.ts';
import { handler as oversApi } from '../../../functions/src/overs-api.ts';
import { handler as recordOvers } from '../../../functions/src/record-overs.ts';
import { handler as reportApi } from '../../../functions/src/report-api.ts';
import { handler as scorecardsApi } from '../../../functions/src/scorecards-api.ts';
import { handler as storeScorecard } from '../../../functions/src/store-scorecard.ts';
import { handler as subscriptionsApi } from '../../../functions/src/subscriptions-api.ts';
import { createHttpApiGateway } from '../../../functions/src/testing/http-api-gateway.ts';
import { ConditionalBucket } from '../../../functions/src/testing/memory-bucket.ts';
import { handler as wsConnect } from '../../../functions/src/ws-connect.ts';
import { handler as wsDisconnect } from '../../../functions/src/ws-disconnect.ts';
import { handler as wsSync } from '../../../functions/src/ws-sync.ts';
import { TEAMS } from './fixtures.ts';

/*
 * The page as the AWS stack serves it, on loopback: one origin whose `/api/*` requests become
 * HTTP API payload v2 events and whose `/live` socket becomes WebSocket API events
 * ($connect, the `sync` route by `$request.body.action`, $disconnect), answered by the real
 * Lambda handlers. S3, DynamoDB, SSM, SQS and the connections management API are in-memory
 * stand-ins behind the SDK clients; PostToConnection writes to the real browser socket.
 */

const CONFIG = parseConfig(
  {
    club: { name: 'Cleckheaton CC', shortName: 'Cleckheaton', slug: 'cleckheaton' },
    league: { baseUrl: 'https://bradfordcl.play-cricket.com', fixturesPath: '/website/web_pages/315262' },
    teams: TEAMS.map(({ id, label }) => ({ id, label, fixturesText: `Cleckheaton CC - ${label}` })),
    push: { vapidSubject: 'mailto:scores@cleckheatoncc.co.uk' },
  },
  'aws-gateway config',
);

const CONTEXT = {
  functionName: 'gateway',
  awsRequestId: 'r',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

export interface AwsGateway {
  readonly origin: string;
  /** What a WebSocket handler threw (API Gateway would log it and carry on). */
  readonly handlerErrors: unknown[];
  /** Every PostToConnection call's frame, parsed: what the functions sent to the page. */
  readonly posted: unknown[];
  /** The scorecard topic's fan-out: store-scorecard, broadcast and record-overs each get it from their queue. */
  publish(scorecard: Scorecard): Promise<void>;
  close(): Promise<void>;
}

let delivery = 0;
function queued(scorecard: Scorecard): SQSEvent {
  const messageId = `m${++delivery}`;
  return {
    Records: [
      {
        messageId,
        receiptHandle: messageId,
        body: JSON.stringify(scorecard),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'sns',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:eu-west-2:123456789012:queue',
        awsRegion: 'eu-west-2',
      },
    ],
  };
}

function socketEvent(
  connectionId: string,
  routeKey: string,
  eventType: 'CONNECT' | 'DISCONNECT' | 'MESSAGE',
  body?: string,
): APIGatewayProxyWebsocketEventV2 {
  const now = Date.now();
  return {
    requestContext: {
      routeKey,
      messageId: randomUUID(),
      eventType,
      extendedRequestId: randomUUID(),
      requestTime: new Date(now).toUTCString(),
      messageDirection: 'IN',
      stage: 'live',
      connectedAt: now,
      requestTimeEpoch: now,
      requestId: randomUUID(),
      domainName: '127.0.0.1',
      connectionId,
      apiId: 'live',
    },
    isBase64Encoded: false,
    ...(body === undefined ? {} : { body }),
  };
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/** Starts the gateway with `scorecards` already stored, as the scorecard topic would have left them. */
export async function startAwsGateway(scorecards: Scorecard[]): Promise<AwsGateway> {
  const vapid = generateVapidKeys();
  const saved = { ...process.env };
  Object.assign(process.env, {
    SCORECARD_BUCKET: 'scores',
    CONNECTIONS_TABLE: 'connections',
    RULES_TABLE: 'rules',
    SUBSCRIPTIONS_TABLE: 'subscriptions',
    BROADCAST_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/123456789012/broadcast-batches',
    WS_MANAGEMENT_ENDPOINT: 'https://live.execute-api.eu-west-2.amazonaws.com/live',
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY_PARAMETER: '/live-scores/cleckheaton/vapid-private-key',
    LIVE_SCORES_CONFIG_JSON: JSON.stringify(CONFIG),
  });

  const handlerErrors: unknown[] = [];
  const posted: unknown[] = [];
  const settle = (work: Promise<unknown>): void =>
    void work.catch((error: unknown) => handlerErrors.push(error));
  const sockets = new Map<string, WebSocket>();
  const connections = new Map<string, Record<string, unknown>>();
  const watermarks = new Map<string, { c: number; s: number }>();
  const bucket = new ConditionalBucket();
  const mocks = {
    s3: mockClient(S3Client),
    dynamo: mockClient(DynamoDBDocumentClient),
    management: mockClient(ApiGatewayManagementApiClient),
    ssm: mockClient(SSMClient),
    sqs: mockClient(SQSClient),
  };
  bucket.serve(mocks.s3);
  mocks.ssm.on(GetParameterCommand).resolves({ Parameter: { Value: vapid.privateKey } });
  mocks.sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  mocks.dynamo.on(PutCommand, { TableName: 'connections' }).callsFake((input) => {
    connections.set(String(input.Item.connectionId), input.Item);
    return {};
  });
  mocks.dynamo.on(DeleteCommand, { TableName: 'connections' }).callsFake((input) => {
    connections.delete(String(input.Key.connectionId));
    return {};
  });
  mocks.dynamo
    .on(ScanCommand, { TableName: 'connections' })
    .callsFake(() => ({ Items: [...connections.values()] }));
  // The broadcast watermark's condition: never backwards.
  mocks.dynamo.on(UpdateCommand, { TableName: 'rules' }).callsFake((input) => {
    const key = String(input.Key.pk);
    const next = {
      c: Number(input.ExpressionAttributeValues[':c']),
      s: Number(input.ExpressionAttributeValues[':s']),
    };
    const current = watermarks.get(key);
    if (current && !(current.c < next.c || (current.c === next.c && current.s <= next.s)))
      throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    watermarks.set(key, next);
    return {};
  });
  mocks.management.on(PostToConnectionCommand).callsFake((input) => {
    const socket = sockets.get(String(input.ConnectionId));
    if (!socket) throw new GoneException({ message: 'gone', $metadata: { httpStatusCode: 410 } });
    const frame = Buffer.from(input.Data as Uint8Array).toString('utf8');
    posted.push(JSON.parse(frame));
    socket.send(frame);
    return {};
  });

  const api = createHttpApiGateway({
    'overs-api': oversApi,
    'report-api': reportApi,
    'scorecards-api': scorecardsApi,
    'subscriptions-api': subscriptionsApi,
  });
  const pageConfig = JSON.stringify(pageConfigFor(CONFIG, vapid.publicKey));

  const server = createServer((request, response) => {
    const answer = async () => {
      const url = new URL(request.url ?? '/', 'http://gateway.invalid');
      if (url.pathname.startsWith('/api/')) {
        const result = await api({
          method: request.method ?? 'GET',
          path: request.url ?? '/',
          headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
          body: await readBody(request),
        });
        response.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
        response.end(result.body);
        return;
      }
      if (url.pathname === '/config.json') {
        response.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-cache',
        });
        response.end(pageConfig);
        return;
      }
      const file = await readStaticFile(WEB_PUBLIC_DIR, url.pathname);
      response.writeHead(file ? 200 : 403, file?.headers ?? {});
      response.end(file?.body);
    };
    answer().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });

  const live = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://gateway.invalid').pathname !== '/live') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    live.handleUpgrade(request, socket, head, (ws) => {
      const connectionId = randomUUID();
      sockets.set(connectionId, ws);
      settle(wsConnect(socketEvent(connectionId, '$connect', 'CONNECT')));
      ws.on('message', (data) => {
        let action: unknown;
        try {
          action = (JSON.parse(String(data)) as { action?: unknown }).action;
        } catch {
          return;
        }
        // The stack routes only `sync`; anything else (the page's keep-alive ping) meets no route.
        if (action === 'sync') settle(wsSync(socketEvent(connectionId, 'sync', 'MESSAGE', String(data))));
      });
      ws.on('close', () => {
        sockets.delete(connectionId);
        settle(wsDisconnect(socketEvent(connectionId, '$disconnect', 'DISCONNECT')));
      });
    });
  });

  const publish = async (scorecard: Scorecard): Promise<void> => {
    const stored = await storeScorecard(queued(scorecard), CONTEXT);
    const sent = await broadcast(queued(scorecard), CONTEXT);
    const recorded = await recordOvers(queued(scorecard), CONTEXT);
    const failures = [stored, sent, recorded].flatMap((result) => result.batchItemFailures);
    if (failures.length > 0)
      throw new Error(`scorecard ${scorecard.matchId}#${scorecard.seq} was not handled`);
  };
  for (const scorecard of scorecards) {
    await storeScorecard(queued(scorecard), CONTEXT);
    await recordOvers(queued(scorecard), CONTEXT);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    handlerErrors,
    posted,
    publish,
    async close() {
      for (const ws of live.clients) ws.terminate();
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const mock of Object.values(mocks)) mock.restore();
      process.env = saved;
    },
  };
}
