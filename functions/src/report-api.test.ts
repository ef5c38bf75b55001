import { GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { MatchReport } from '@live-scores/schema';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from './report-api.ts';
import { TEST_CONFIG } from './testing/events.ts';

const s3 = mockClient(S3Client);
const report: MatchReport = {
  matchId: '6123456',
  teamId: 'firstTeam',
  title: 'Cleckheaton beat Scholes by 8 wickets',
  body: 'Cleckheaton won by 8 wickets.',
  generatedBy: 'template',
  createdAt: '2025-06-14T17:01:00.000Z',
};

beforeAll(() => {
  process.env.SCORECARD_BUCKET = 'scores';
  process.env.LIVE_SCORES_CONFIG_JSON = JSON.stringify({
    ...TEST_CONFIG,
    server: { pageOrigins: ['https://club.example'] },
  });
  s3.on(GetObjectCommand, { Bucket: 'scores', Key: 'matches/6123456/report.json' }).resolves({
    Body: { transformToString: async () => JSON.stringify(report) } as never,
  });
  s3.on(GetObjectCommand, { Bucket: 'scores', Key: 'matches/6123408/report.json' }).rejects(
    new S3ServiceException({ name: 'NoSuchKey', $fault: 'client', $metadata: { httpStatusCode: 404 } }),
  );
});
afterAll(() => s3.restore());

const request = (path: string, headers: Record<string, string> = {}): APIGatewayProxyEventV2 =>
  ({ rawPath: path, headers, requestContext: { http: { method: 'GET', sourceIp: '203.0.113.9' } } }) as never;

describe('the report-api handler', () => {
  it('serves a stored report as JSON, with CORS for the page origins', async () => {
    const response = await handler(
      request('/api/matches/6123456/report', { Origin: 'https://club.example' }),
    );
    expect(response).toMatchObject({
      statusCode: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'access-control-allow-origin': 'https://club.example',
      },
    });
    expect(JSON.parse((response as { body: string }).body)).toEqual(report);
  });

  it('answers 404 until a report exists and 400 for what is not a match id, without touching S3 for it', async () => {
    expect(await handler(request('/api/matches/6123408/report'))).toMatchObject({ statusCode: 404 });
    const calls = s3.commandCalls(GetObjectCommand).length;
    expect(await handler(request('/api/matches/..%2F..%2Fhtml/report'))).toMatchObject({ statusCode: 400 });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(calls);
  });
});
