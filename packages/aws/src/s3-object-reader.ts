import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/**
 * Reads one object as text: how parse-scorecard fetches a page the scraper stored in the
 * bucket because it was too large for the queue even compressed.
 */
export function createS3ObjectReader(client: S3Client): (bucket: string, key: string) => Promise<string> {
  return async (bucket, key) => {
    const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!out.Body) throw new Error(`s3://${bucket}/${key} has no body`);
    return out.Body.transformToString('utf-8');
  };
}
