import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { MatchReport } from '@live-scores/schema';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3ReportStore } from './s3-report-store.ts';

const s3 = mockClient(S3Client);
const store = createS3ReportStore({ client: new S3Client({ region: 'eu-west-2' }), bucket: 'scores' });

const report: MatchReport = {
  matchId: '6123456',
  teamId: 'firstTeam',
  title: 'Cleckheaton beat Scholes by 8 wickets',
  body: 'Cleckheaton won by 8 wickets.',
  generatedBy: 'llm',
  createdAt: '2025-06-07T18:00:00.000Z',
};

const s3Error = (name: string, status: number): S3ServiceException =>
  new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status } });
/** The part of the SDK's streaming body the store reads. */
const body = (text: string): never => ({ transformToString: async () => text }) as never;

afterEach(() => s3.reset());

describe('the S3 report store', () => {
  it('creates matches/<matchId>/report.json only if there is none yet (IfNoneMatch *)', async () => {
    s3.on(PutObjectCommand).resolves({ ETag: '"r1"' });
    expect(await store.putIfAbsent(report)).toBe('written');
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'scores',
      Key: 'matches/6123456/report.json',
      Body: JSON.stringify(report),
      ContentType: 'application/json',
      CacheControl: 'public, max-age=300',
      IfNoneMatch: '*',
    });
  });

  it.each([
    ['PreconditionFailed', 412],
    ['ConditionalRequestConflict', 409],
  ])('reports a report already there (%s) without a second write', async (name, status) => {
    s3.on(PutObjectCommand).rejects(s3Error(name, status));
    expect(await store.putIfAbsent(report)).toBe('exists');
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(1);
  });

  it('passes any other failure on, for the queue to retry', async () => {
    s3.on(PutObjectCommand).rejects(s3Error('InternalError', 500));
    await expect(store.putIfAbsent(report)).rejects.toThrow();
  });

  it('reads a stored report, and nothing for a match without one', async () => {
    s3.on(GetObjectCommand, { Key: 'matches/6123456/report.json' }).resolves({
      Body: body(JSON.stringify(report)),
    });
    s3.on(GetObjectCommand, { Key: 'matches/6123408/report.json' }).rejects(s3Error('NoSuchKey', 404));
    expect(await store.get('6123456')).toEqual(report);
    expect(await store.get('6123408')).toBeUndefined();
    expect(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input)).toEqual([
      { Bucket: 'scores', Key: 'matches/6123456/report.json' },
      { Bucket: 'scores', Key: 'matches/6123408/report.json' },
    ]);
  });

  it('refuses a stored object that is not a report rather than serving it', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body('{"matchId":"6123456"}') });
    await expect(store.get('6123456')).rejects.toThrow();
  });
});
