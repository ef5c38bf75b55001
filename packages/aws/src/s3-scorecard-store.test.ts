import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { Scorecard } from '@live-scores/schema';
import { scorecard as aScorecard } from '@live-scores/test-support';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3ScorecardStore } from './s3-scorecard-store.ts';

const s3 = mockClient(S3Client);
const store = createS3ScorecardStore({ client: new S3Client({ region: 'eu-west-2' }), bucket: 'scores' });
const key = 'scorecards/2025-06-14/firstTeam.json';

const scorecard = (capturedAt: string, seq: number): Scorecard => aScorecard({ capturedAt, seq });

function s3Error(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status } });
}

afterEach(() => s3.reset());

describe('the S3 scorecard store', () => {
  it('creates a new key only if it does not exist yet (IfNoneMatch *), as short-cached JSON', async () => {
    s3.on(HeadObjectCommand).rejects(s3Error('NotFound', 404));
    s3.on(PutObjectCommand).resolves({ ETag: '"e1"' });
    const card = scorecard('2025-06-14T13:00:00.000Z', 3);

    expect(await store.putIfNewer(key, card)).toBe('written');

    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'scores',
      Key: key,
      Body: JSON.stringify(card),
      ContentType: 'application/json',
      CacheControl: 'max-age=5',
      Metadata: { 'captured-at': '2025-06-14T13:00:00.000Z', seq: '3' },
      IfNoneMatch: '*',
    });
  });

  it('replaces a stored older capture only if it is still the one read (IfMatch its ETag)', async () => {
    s3.on(HeadObjectCommand).resolves({
      ETag: '"e1"',
      Metadata: { 'captured-at': '2025-06-14T13:00:00.000Z', seq: '3' },
    });
    s3.on(PutObjectCommand).resolves({ ETag: '"e2"' });

    expect(await store.putIfNewer(key, scorecard('2025-06-14T13:00:00.000Z', 4))).toBe('written');

    const input = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(input.IfMatch).toBe('"e1"');
    expect(input.IfNoneMatch).toBeUndefined();
  });

  it('never overwrites a newer capture with an older one, or the same capture again', async () => {
    s3.on(HeadObjectCommand).resolves({
      ETag: '"e1"',
      Metadata: { 'captured-at': '2025-06-14T13:05:00.000Z', seq: '9' },
    });

    expect(await store.putIfNewer(key, scorecard('2025-06-14T13:04:59.000Z', 12))).toBe('stale');
    expect(await store.putIfNewer(key, scorecard('2025-06-14T13:05:00.000Z', 9))).toBe('stale');
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('after losing a race (412) re-reads and gives way to the newer winner', async () => {
    s3.on(HeadObjectCommand)
      .resolvesOnce({ ETag: '"e1"', Metadata: { 'captured-at': '2025-06-14T13:00:00.000Z', seq: '1' } })
      .resolves({ ETag: '"e3"', Metadata: { 'captured-at': '2025-06-14T13:00:00.000Z', seq: '7' } });
    s3.on(PutObjectCommand).rejects(s3Error('PreconditionFailed', 412));

    expect(await store.putIfNewer(key, scorecard('2025-06-14T13:00:00.000Z', 5))).toBe('stale');
    expect(s3.commandCalls(HeadObjectCommand)).toHaveLength(2);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(1);
  });

  it('after losing a race to an older write retries against the new ETag and wins', async () => {
    s3.on(HeadObjectCommand)
      .resolvesOnce({ ETag: '"e1"', Metadata: { 'captured-at': '2025-06-14T13:00:00.000Z', seq: '1' } })
      .resolves({ ETag: '"e2"', Metadata: { 'captured-at': '2025-06-14T13:00:00.000Z', seq: '2' } });
    s3.on(PutObjectCommand).rejectsOnce(s3Error('PreconditionFailed', 412)).resolves({ ETag: '"e3"' });

    expect(await store.putIfNewer(key, scorecard('2025-06-14T13:00:00.000Z', 5))).toBe('written');
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.IfMatch)).toEqual(['"e1"', '"e2"']);
  });

  it("lists a day's team scorecards through every page of the listing", async () => {
    const first = scorecard('2025-06-14T13:00:00.000Z', 1);
    const second = { ...scorecard('2025-06-14T13:00:00.000Z', 2), teamId: 'secondTeam', matchId: '6123457' };
    s3.on(ListObjectsV2Command, { Prefix: 'scorecards/2025-06-14/' })
      .resolvesOnce({
        Contents: [{ Key: 'scorecards/2025-06-14/firstTeam.json' }],
        IsTruncated: true,
        NextContinuationToken: 't2',
      })
      .resolves({ Contents: [{ Key: 'scorecards/2025-06-14/secondTeam.json' }], IsTruncated: false });
    s3.on(GetObjectCommand, { Key: 'scorecards/2025-06-14/firstTeam.json' }).callsFake(() => ({
      Body: body(first),
    }));
    s3.on(GetObjectCommand, { Key: 'scorecards/2025-06-14/secondTeam.json' }).callsFake(() => ({
      Body: body(second),
    }));

    const day = await store.listDay('2025-06-14');

    expect(day.map((s) => s.teamId)).toEqual(['firstTeam', 'secondTeam']);
    // The paginator reuses one input object, so only the last token can be read back.
    const listings = s3.commandCalls(ListObjectsV2Command);
    expect(listings).toHaveLength(2);
    expect(listings[1]!.args[0].input).toMatchObject({
      Bucket: 'scores',
      Prefix: 'scorecards/2025-06-14/',
      ContinuationToken: 't2',
    });
  });

  it('reads a missing key as undefined', async () => {
    s3.on(GetObjectCommand).rejects(s3Error('NoSuchKey', 404));
    expect(await store.get('matches/1.json')).toBeUndefined();
  });
});

/** The part of the SDK's streaming body the store reads. */
function body(value: unknown): never {
  return { transformToString: async () => JSON.stringify(value) } as never;
}
