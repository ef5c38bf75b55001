import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SCORECARD_CACHE_CONTROL, type OverHistoryStore } from '@live-scores/core';
import { matchOversKey, StoredOverHistory } from '@live-scores/schema';
import { httpStatusOf } from './aws-errors.ts';

export interface S3OverHistoryStoreOptions {
  client: S3Client;
  bucket: string;
}

/**
 * Each match's over history as one S3 object (`matches/<matchId>/overs.json`), its ETag the
 * version: a save is a conditional put, `IfMatch: <the ETag read>` or `IfNoneMatch: '*'` for
 * the first, so a writer that lost the race gets 412 (or 409 while a racing conditional
 * write is in flight) and folds again on what the winner stored. Cached like scorecards: it changes every ball.
 */
export function createS3OverHistoryStore(options: S3OverHistoryStoreOptions): OverHistoryStore {
  const { client, bucket } = options;
  return {
    async load(matchId) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: matchOversKey(matchId) }));
        const stored = StoredOverHistory.parse(
          JSON.parse((await out.Body?.transformToString('utf-8')) ?? ''),
        );
        if (!out.ETag) throw new Error(`s3://${bucket}/${matchOversKey(matchId)} came without an ETag`);
        return { ...stored, version: out.ETag };
      } catch (error) {
        if (httpStatusOf(error) === 404) return undefined;
        throw error;
      }
    },

    async save(stored, expectedVersion) {
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: matchOversKey(stored.history.matchId),
            Body: JSON.stringify(stored),
            ContentType: 'application/json',
            CacheControl: SCORECARD_CACHE_CONTROL,
            ...(expectedVersion === undefined ? { IfNoneMatch: '*' } : { IfMatch: expectedVersion }),
          }),
        );
        return 'saved';
      } catch (error) {
        const status = httpStatusOf(error);
        // 404: the object named by IfMatch is gone; reloading finds that out and creates it.
        if (status === 412 || status === 409 || status === 404) return 'conflict';
        throw error;
      }
    },
  };
}
