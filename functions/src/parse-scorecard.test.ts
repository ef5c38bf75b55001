import { gzipSync } from 'node:zlib';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from './parse-scorecard.ts';
import { lambdaContext, pageMessage, sqsEvent, sqsRecord } from './testing/events.ts';

const sns = mockClient(SNSClient);
const s3 = mockClient(S3Client);

beforeAll(() => {
  process.env.SCORECARD_TOPIC_ARN = 'arn:aws:sns:eu-west-2:123456789012:live-scores-scorecards';
  sns.on(PublishCommand).resolves({ MessageId: 'm' });
});
afterAll(() => {
  sns.restore();
  s3.restore();
});

describe('the parse-scorecard handler', () => {
  it('publishes every page that parses and reports only the one that does not as a batch item failure', async () => {
    const event = sqsEvent(
      sqsRecord(JSON.stringify(pageMessage('04-mid-innings.html', 40, '2025-06-14T13:40:00.000Z')), 'good-1'),
      sqsRecord(
        JSON.stringify(pageMessage('reject-random-page.html', 41, '2025-06-14T13:41:00.000Z')),
        'bad',
      ),
      sqsRecord(
        JSON.stringify(pageMessage('07-won-by-wickets.html', 90, '2025-06-14T17:00:00.000Z')),
        'good-2',
      ),
    );

    const response = await handler(event, lambdaContext);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad' }] });
    const published = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(published.map((p) => p.MessageAttributes?.status?.StringValue)).toEqual([
      'in-progress',
      'complete',
    ]);
    expect(published.map((p) => JSON.parse(p.Message!).seq)).toEqual([40, 90]);
  });

  it('reads large pages from a gzip envelope and from an object the scraper stored', async () => {
    sns.resetHistory();
    const gzipped = pageMessage('05-innings-break.html', 50, '2025-06-14T15:00:00.000Z');
    const stored = pageMessage('06-second-innings-chase.html', 60, '2025-06-14T16:00:00.000Z');
    s3.on(GetObjectCommand, { Bucket: 'live-scores-scorecards', Key: 'html/6123456/60.json' }).resolves({
      Body: { transformToString: async () => JSON.stringify(stored) } as never,
    });
    const event = sqsEvent(
      sqsRecord(
        JSON.stringify({
          encoding: 'gzip-base64',
          data: gzipSync(JSON.stringify(gzipped)).toString('base64'),
        }),
        'gz',
      ),
      sqsRecord(
        JSON.stringify({ encoding: 's3', bucket: 'live-scores-scorecards', key: 'html/6123456/60.json' }),
        's3',
      ),
    );

    expect(await handler(event, lambdaContext)).toEqual({ batchItemFailures: [] });
    const seqs = sns.commandCalls(PublishCommand).map((c) => JSON.parse(c.args[0].input.Message!).seq);
    expect(seqs.sort()).toEqual([50, 60]);
  });

  it('fails a record whose body is not a ScorecardHtml, without publishing anything for it', async () => {
    sns.resetHistory();
    const response = await handler(
      sqsEvent(sqsRecord('{"matchId":"6123456"}', 'half'), sqsRecord('not json', 'garbage')),
      lambdaContext,
    );
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['garbage', 'half']);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });
});
