import {
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { SCORECARD_CACHE_CONTROL, type ScorecardStore } from '@live-scores/core';
import { compareScorecards, Scorecard } from '@live-scores/schema';
import { httpStatusOf } from './aws-errors.ts';

export interface S3ScorecardStoreOptions {
  client: S3Client;
  bucket: string;
  /** Attempts when another writer wins the race between our read and our write. */
  maxAttempts?: number;
}

/** Object metadata carrying the stored capture's order, so a check needs no body download. */
const CAPTURED_AT = 'captured-at';
const SEQ = 'seq';

/**
 * Scorecards as S3 objects, monotonic per key by conditional writes: read the current
 * object's capture (HeadObject metadata), then write with `IfMatch: <its ETag>`, or
 * `IfNoneMatch: '*'` when there is none. A writer that lost the race gets 412 and
 * decides again against the winner's capture.
 */
export function createS3ScorecardStore(options: S3ScorecardStoreOptions): ScorecardStore {
  const { client, bucket } = options;
  const maxAttempts = options.maxAttempts ?? 5;

  async function head(key: string): Promise<{ etag: string; capturedAt: string; seq: number } | undefined> {
    try {
      const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return {
        etag: out.ETag ?? '',
        capturedAt: out.Metadata?.[CAPTURED_AT] ?? new Date(0).toISOString(),
        seq: Number(out.Metadata?.[SEQ] ?? 0),
      };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async function get(key: string): Promise<Scorecard | undefined> {
    try {
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = (await out.Body?.transformToString('utf-8')) ?? '';
      return Scorecard.parse(JSON.parse(body));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  return {
    get,

    async putIfNewer(key, scorecard) {
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const current = await head(key);
        if (current && compareScorecards(scorecard, current) <= 0) return 'stale';
        try {
          await client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: key,
              Body: JSON.stringify(scorecard),
              ContentType: 'application/json',
              CacheControl: SCORECARD_CACHE_CONTROL,
              Metadata: { [CAPTURED_AT]: scorecard.capturedAt, [SEQ]: String(scorecard.seq) },
              ...(current ? { IfMatch: current.etag } : { IfNoneMatch: '*' }),
            }),
          );
          return 'written';
        } catch (error) {
          // 412: someone wrote in between; 409: a concurrent conditional write is in flight.
          if (!isStatus(error, 412) && !isStatus(error, 409)) throw error;
        }
      }
      throw new Error(`s3://${bucket}/${key}: still contended after ${maxAttempts} conditional writes`);
    },

    async listDay(date) {
      const keys: string[] = [];
      const pages = paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: `scorecards/${date}/` });
      for await (const page of pages) {
        for (const object of page.Contents ?? []) if (object.Key?.endsWith('.json')) keys.push(object.Key);
      }
      const scorecards = await Promise.all(keys.map(get));
      return scorecards.filter((s): s is Scorecard => s !== undefined);
    },
  };
}

function isStatus(error: unknown, status: number): boolean {
  return httpStatusOf(error) === status;
}
