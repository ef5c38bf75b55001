import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { foldOvers, overHistoryOf } from '@live-scores/notify';
import type { OverFold, StoredOverHistory } from '@live-scores/schema';
import { scorecardAfterBall } from '@live-scores/test-support';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3OverHistoryStore } from './s3-over-history-store.ts';

const s3 = mockClient(S3Client);
const store = createS3OverHistoryStore({ client: new S3Client({ region: 'eu-west-2' }), bucket: 'scores' });
const key = 'matches/6123456/overs.json';

function storedAfter(balls: readonly number[]): StoredOverHistory {
  const fold = balls.map((b) => scorecardAfterBall(b)).reduce<OverFold | undefined>(foldOvers, undefined)!;
  return { fold, history: overHistoryOf(fold) };
}

const s3Error = (name: string, status: number): S3ServiceException =>
  new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status } });

/** The part of the SDK's streaming body the store reads. */
const body = (value: unknown): never => ({ transformToString: async () => JSON.stringify(value) }) as never;

afterEach(() => s3.reset());

describe('the S3 over history store', () => {
  it('reads the match’s object with its ETag as the version, and a missing one as none', async () => {
    const stored = storedAfter([1, 2, 3]);
    s3.on(GetObjectCommand, { Bucket: 'scores', Key: key }).resolves({ Body: body(stored), ETag: '"e1"' });
    s3.on(GetObjectCommand, { Key: 'matches/6123408/overs.json' }).rejects(s3Error('NoSuchKey', 404));

    expect(await store.load('6123456')).toEqual({ ...stored, version: '"e1"' });
    expect(await store.load('6123408')).toBeUndefined();
  });

  it('refuses an object that is not an over history rather than folding onto it', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body({ history: {} }), ETag: '"e1"' });
    await expect(store.load('6123456')).rejects.toThrow();
  });

  it('creates the first history only if there is none yet (IfNoneMatch *), as short-cached JSON', async () => {
    s3.on(PutObjectCommand).resolves({ ETag: '"e1"' });
    const stored = storedAfter([1]);

    expect(await store.save(stored, undefined)).toBe('saved');

    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'scores',
      Key: key,
      Body: JSON.stringify(stored),
      ContentType: 'application/json',
      CacheControl: 'max-age=5',
      IfNoneMatch: '*',
    });
  });

  it('replaces a history only if it is still the version read (IfMatch its ETag)', async () => {
    s3.on(PutObjectCommand).resolves({ ETag: '"e2"' });

    expect(await store.save(storedAfter([1, 2]), '"e1"')).toBe('saved');

    const input = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ Key: key, IfMatch: '"e1"' });
    expect(input.IfNoneMatch).toBeUndefined();
  });

  it('answers conflict when another writer got there first, and passes on any other failure', async () => {
    s3.on(PutObjectCommand)
      .rejectsOnce(s3Error('PreconditionFailed', 412))
      .rejectsOnce(s3Error('ConditionalRequestConflict', 409))
      .rejectsOnce(s3Error('NoSuchKey', 404))
      .rejectsOnce(s3Error('AccessDenied', 403));
    const stored = storedAfter([1]);

    expect(await store.save(stored, '"e1"')).toBe('conflict');
    expect(await store.save(stored, undefined)).toBe('conflict');
    expect(await store.save(stored, '"e1"')).toBe('conflict');
    await expect(store.save(stored, '"e1"')).rejects.toThrow(S3ServiceException);
  });
});
