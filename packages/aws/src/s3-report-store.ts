import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ReportStore } from '@live-scores/core';
import { MatchReport, matchReportKey } from '@live-scores/schema';
import { httpStatusOf } from './aws-errors.ts';

export interface S3ReportStoreOptions {
  client: S3Client;
  bucket: string;
}

/** A written report never changes: browsers and the CDN may keep it for a while. */
export const REPORT_CACHE_CONTROL = 'public, max-age=300';

/**
 * Match reports as S3 objects (`matches/<matchId>/report.json`), created with
 * `IfNoneMatch: '*'`: S3 refuses a second write (412, or 409 while a racing conditional
 * write is in flight), so a redelivered game-over message can never replace a report.
 */
export function createS3ReportStore(options: S3ReportStoreOptions): ReportStore {
  const { client, bucket } = options;
  return {
    async get(matchId) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: matchReportKey(matchId) }));
        return MatchReport.parse(JSON.parse((await out.Body?.transformToString('utf-8')) ?? ''));
      } catch (error) {
        if (httpStatusOf(error) === 404) return undefined;
        throw error;
      }
    },

    async putIfAbsent(report) {
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: matchReportKey(report.matchId),
            Body: JSON.stringify(report),
            ContentType: 'application/json',
            CacheControl: REPORT_CACHE_CONTROL,
            IfNoneMatch: '*',
          }),
        );
        return 'written';
      } catch (error) {
        const status = httpStatusOf(error);
        if (status === 412 || status === 409) return 'exists';
        throw error;
      }
    },
  };
}
