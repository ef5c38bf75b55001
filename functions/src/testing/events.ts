import { readFileSync } from 'node:fs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { ScorecardHtml } from '@live-scores/schema';

const TEST_PAGES = new URL('../../../packages/parser/test-pages/', import.meta.url);

/** A saved league page as the scraper would send it (whole page in one fragment). */
export function pageMessage(file: string, seq: number, capturedAt: string): ScorecardHtml {
  return {
    matchId: '6123456',
    teamId: 'firstTeam',
    url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
    capturedAt,
    seq,
    headerHtml: readFileSync(new URL(file, TEST_PAGES), 'utf8'),
    scorecardHtml: '',
  };
}

export { scorecard } from '@live-scores/test-support';

/** An SQS record as Lambda delivers it (the shape of `@types/aws-lambda`'s SQSRecord). */
export function sqsRecord(
  body: string,
  messageId: string,
  attributes: Record<string, string> = {},
): SQSRecord {
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1749906000000',
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: '1749906000001',
    },
    messageAttributes: Object.fromEntries(
      Object.entries(attributes).map(([name, value]) => [name, { stringValue: value, dataType: 'String' }]),
    ),
    md5OfBody: 'md5',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-2:123456789012:live-scores-queue',
    awsRegion: 'eu-west-2',
  };
}

export function sqsEvent(...records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

/** A scorecard as an SNS subscription without raw delivery would wrap it. */
export function snsEnvelope(message: unknown): string {
  return JSON.stringify({
    Type: 'Notification',
    MessageId: 'sns-1',
    TopicArn: 'arn:aws:sns:eu-west-2:123456789012:live-scores-scorecards',
    Message: JSON.stringify(message),
    Timestamp: '2025-06-14T13:00:00.000Z',
  });
}

export const lambdaContext = {
  functionName: 'test',
  awsRequestId: 'request-1',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

export const TEST_CONFIG = {
  club: { name: 'Cleckheaton CC', slug: 'cleckheaton' },
  league: { baseUrl: 'https://bradfordcl.play-cricket.com', fixturesPath: '/website/web_pages/315262' },
  teams: [
    { id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' },
    { id: 'secondTeam', label: '2nd XI', fixturesText: 'Cleckheaton CC - 2nd XI' },
  ],
  push: { vapidSubject: 'mailto:scores@cleckheatoncc.co.uk' },
};
