import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from './store-scorecard.ts';
import { ConditionalBucket } from './testing/memory-bucket.ts';
import { lambdaContext, scorecard, snsEnvelope, sqsEvent, sqsRecord, TEST_CONFIG } from './testing/events.ts';

const s3 = mockClient(S3Client);
let bucket: ConditionalBucket;

beforeAll(() => {
  process.env.SCORECARD_BUCKET = 'live-scores-scorecards';
  process.env.LIVE_SCORES_CONFIG_JSON = JSON.stringify(TEST_CONFIG);
});
beforeEach(() => {
  bucket = new ConditionalBucket();
  s3.reset();
  s3.on(HeadObjectCommand).callsFake((input) => bucket.head(input.Key));
  s3.on(PutObjectCommand).callsFake((input) => bucket.put(input));
  s3.on(GetObjectCommand).rejects(new Error('store-scorecard never downloads a body'));
});
afterAll(() => s3.restore());

const at = (seq: number, capturedAt = '2025-06-14T13:00:00.000Z') => scorecard({ seq, capturedAt });

describe('the store-scorecard handler', () => {
  it("stores the team's day and the match under their keys (raw delivery)", async () => {
    const response = await handler(sqsEvent(sqsRecord(JSON.stringify(at(5)), 'm1')), lambdaContext);
    expect(response.batchItemFailures).toEqual([]);
    expect([...bucket.objects.keys()].sort()).toEqual([
      'matches/6123456.json',
      'scorecards/2025-06-14/firstTeam.json',
    ]);
  });

  it('unwraps an SNS envelope the same way, so a subscription without raw delivery still works', async () => {
    await handler(sqsEvent(sqsRecord(snsEnvelope(at(6)), 'm1')), lambdaContext);
    expect(bucket.seqOf('matches/6123456.json')).toBe(6);
  });

  it('keeps the newest when deliveries arrive reordered and duplicated, in one batch and across batches', async () => {
    await handler(
      sqsEvent(
        sqsRecord(JSON.stringify(at(9)), 'a'),
        sqsRecord(JSON.stringify(at(7)), 'b'),
        sqsRecord(JSON.stringify(at(9)), 'c'),
        sqsRecord(JSON.stringify(at(8)), 'd'),
      ),
      lambdaContext,
    );
    await handler(sqsEvent(sqsRecord(JSON.stringify(at(3)), 'late')), lambdaContext);
    expect(bucket.seqOf('scorecards/2025-06-14/firstTeam.json')).toBe(9);
    expect(bucket.seqOf('matches/6123456.json')).toBe(9);
  });

  it('orders by capture time before seq (a restarted scraper counts from 0 again)', async () => {
    await handler(
      sqsEvent(sqsRecord(JSON.stringify(at(120, '2025-06-14T14:00:00.000Z')), 'before-restart')),
      lambdaContext,
    );
    await handler(
      sqsEvent(sqsRecord(JSON.stringify(at(0, '2025-06-14T14:05:00.000Z')), 'after-restart')),
      lambdaContext,
    );
    expect(bucket.seqOf('matches/6123456.json')).toBe(0);
  });

  it('fails only the record that is not a scorecard', async () => {
    const response = await handler(
      sqsEvent(sqsRecord(JSON.stringify(at(1)), 'good'), sqsRecord(JSON.stringify({ seq: 2 }), 'bad')),
      lambdaContext,
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
  });
});
