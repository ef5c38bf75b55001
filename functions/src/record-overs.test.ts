import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { foldOvers, overHistoryOf } from '@live-scores/notify';
import { LiveOversMessage, StoredOverHistory, type OverFold } from '@live-scores/schema';
import { ballsUpTo, scorecardAfterBall, shuffled } from '@live-scores/test-support';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from './record-overs.ts';
import { ConditionalBucket } from './testing/memory-bucket.ts';
import { lambdaContext, sqsEvent, sqsRecord, TEST_CONFIG } from './testing/events.ts';

const s3 = mockClient(S3Client);
const dynamo = mockClient(DynamoDBDocumentClient);
const apigw = mockClient(ApiGatewayManagementApiClient);
const KEY = 'matches/6123456/overs.json';
let bucket: ConditionalBucket;

beforeAll(() => {
  Object.assign(process.env, {
    SCORECARD_BUCKET: 'scores',
    CONNECTIONS_TABLE: 'connections',
    BROADCAST_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/123456789012/broadcast-batches',
    WS_MANAGEMENT_ENDPOINT: 'https://abc123.execute-api.eu-west-2.amazonaws.com/live',
    LIVE_SCORES_CONFIG_JSON: JSON.stringify(TEST_CONFIG),
  });
});
beforeEach(() => {
  for (const mock of [s3, dynamo, apigw]) mock.reset();
  bucket = new ConditionalBucket();
  bucket.serve(s3);
  dynamo.on(ScanCommand).resolves({ Items: [{ connectionId: 'a', connectedAt: 't' }] });
  apigw.on(PostToConnectionCommand).resolves({});
});
afterAll(() => {
  for (const mock of [s3, dynamo, apigw]) mock.restore();
});

const records = (balls: readonly number[]) =>
  balls.map((ball, i) => sqsRecord(JSON.stringify(scorecardAfterBall(ball)), `m${i}-${ball}`));
const storedHistory = () => StoredOverHistory.parse(JSON.parse(bucket.objects.get(KEY)!.body)).history;
const historyOf = (balls: readonly number[]) =>
  overHistoryOf(balls.map((b) => scorecardAfterBall(b)).reduce<OverFold | undefined>(foldOvers, undefined)!);
const framesSent = () =>
  apigw
    .commandCalls(PostToConnectionCommand)
    .map((c) =>
      LiveOversMessage.parse(JSON.parse(Buffer.from(c.args[0].input.Data as Uint8Array).toString())),
    );

describe('the record-overs handler', () => {
  it("keeps the match's history in the bucket and posts each new one to the live pages", async () => {
    const response = await handler(sqsEvent(...records(ballsUpTo(7))), lambdaContext);

    expect(response.batchItemFailures).toEqual([]);
    expect(storedHistory()).toEqual(historyOf(ballsUpTo(7)));
    expect(framesSent()).toHaveLength(7);
    expect(framesSent().at(-1)).toEqual({ type: 'overs', history: historyOf(ballsUpTo(7)) });
  });

  it('ends with the whole history when batches arrive shuffled, duplicated and at the same time', async () => {
    const balls = shuffled([...ballsUpTo(18), 4, 9, 12, 18]);
    const responses = await Promise.all([
      handler(sqsEvent(...records(balls.slice(0, 11))), lambdaContext),
      handler(sqsEvent(...records(balls.slice(11))), lambdaContext),
    ]);

    expect(responses.flatMap((r) => r.batchItemFailures)).toEqual([]);
    expect(storedHistory()).toEqual(historyOf(ballsUpTo(18)));
  });

  it('fails only the record that is not a scorecard', async () => {
    const response = await handler(
      sqsEvent(...records([1]), sqsRecord(JSON.stringify({ seq: 2 }), 'bad')),
      lambdaContext,
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
    expect(storedHistory()).toEqual(historyOf([1]));
  });
});
