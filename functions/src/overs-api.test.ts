import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { foldOvers, overHistoryOf } from '@live-scores/notify';
import type { OverFold } from '@live-scores/schema';
import { ballsUpTo, scorecardAfterBall } from '@live-scores/test-support';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from './overs-api.ts';
import { TEST_CONFIG } from './testing/events.ts';
import { ConditionalBucket } from './testing/memory-bucket.ts';

const s3 = mockClient(S3Client);
const fold = ballsUpTo(8)
  .map((b) => scorecardAfterBall(b))
  .reduce<OverFold | undefined>(foldOvers, undefined)!;
const history = overHistoryOf(fold);

beforeAll(() => {
  process.env.SCORECARD_BUCKET = 'scores';
  process.env.LIVE_SCORES_CONFIG_JSON = JSON.stringify({
    ...TEST_CONFIG,
    server: { pageOrigins: ['https://club.example'] },
  });
  const bucket = new ConditionalBucket();
  bucket.put({
    Key: 'matches/6123456/overs.json',
    Body: JSON.stringify({ history, fold }),
    IfNoneMatch: '*',
  });
  bucket.serve(s3);
});
afterAll(() => s3.restore());

const request = (path: string, headers: Record<string, string> = {}): APIGatewayProxyEventV2 =>
  ({ rawPath: path, headers, requestContext: { http: { method: 'GET', sourceIp: '203.0.113.9' } } }) as never;

describe('the overs-api handler', () => {
  it("serves a match's over history as JSON, cacheable for a few seconds, with CORS for the page origins", async () => {
    const response = await handler(request('/api/matches/6123456/overs', { Origin: 'https://club.example' }));
    expect(response).toMatchObject({
      statusCode: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'max-age=5',
        'access-control-allow-origin': 'https://club.example',
      },
    });
    expect(JSON.parse((response as { body: string }).body)).toEqual(history);
  });

  it('answers 404 with the reason for a match without one, and 400 for what is not a match id without touching S3', async () => {
    const missing = await handler(request('/api/matches/6123408/overs'));
    expect([missing.statusCode, JSON.parse((missing as { body: string }).body)]).toEqual([
      404,
      { error: 'no over history yet for match 6123408' },
    ]);
    const calls = s3.commandCalls(GetObjectCommand).length;
    expect(await handler(request('/api/matches/..%2F..%2Fhtml/overs'))).toMatchObject({ statusCode: 400 });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(calls);
  });
});
