import { gzipSync } from 'node:zlib';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type MessageAttributeValue, SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { HtmlQueue } from '@live-scores/core';
import {
  type GzipHtmlQueueBody,
  type S3HtmlQueueBody,
  SQS_MAX_MESSAGE_BYTES,
  type ScorecardHtml,
} from '@live-scores/schema';

export interface SqsHtmlQueueOptions {
  queueUrl: string;
  /**
   * Where a page too large for a message, even gzipped, is stored. Without one such a
   * page cannot be sent, and its send rejects saying so (to be retried and logged, never
   * dropped quietly).
   */
  bucket?: string;
  sqs?: SQSClient;
  s3?: S3Client;
  /** The queue's size limit; SQS's 256 KiB unless the queue was set lower. */
  maxMessageBytes?: number;
}

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/** SQS counts each attribute's name, data type and value against the message size. */
function attributesBytes(attributes: Record<string, MessageAttributeValue>): number {
  return Object.entries(attributes).reduce(
    (sum, [name, value]) =>
      sum + byteLength(name) + byteLength(value.DataType ?? '') + byteLength(value.StringValue ?? ''),
    0,
  );
}

/** Where an oversized message's JSON is stored. */
export function htmlObjectKey(message: Pick<ScorecardHtml, 'matchId' | 'seq'>): string {
  return `html/${message.matchId}/${message.seq}.json`;
}

/**
 * The html queue on SQS. A message goes as JSON when it fits, gzipped in an envelope when
 * that fits, and otherwise is stored in the bucket with a reference sent in its place:
 * a large page is never dropped. A failed send rejects, for the caller to retry.
 */
export function createSqsHtmlQueue(options: SqsHtmlQueueOptions): HtmlQueue {
  const sqs = options.sqs ?? new SQSClient({});
  const s3 = options.s3 ?? new S3Client({});
  const maxBytes = options.maxMessageBytes ?? SQS_MAX_MESSAGE_BYTES;

  async function bodyFor(message: ScorecardHtml, budget: number): Promise<string> {
    const json = JSON.stringify(message);
    if (byteLength(json) <= budget) return json;
    const gzipped: GzipHtmlQueueBody = { encoding: 'gzip-base64', data: gzipSync(json).toString('base64') };
    const envelope = JSON.stringify(gzipped);
    if (byteLength(envelope) <= budget) return envelope;
    if (!options.bucket) {
      throw new Error(
        `message seq ${message.seq} of match ${message.matchId} is ${byteLength(envelope)} bytes gzipped, ` +
          `over the queue's ${budget}, and no bucket is configured to store it`,
      );
    }
    const key = htmlObjectKey(message);
    await s3.send(
      new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: json, ContentType: 'application/json' }),
    );
    const reference: S3HtmlQueueBody = { encoding: 's3', bucket: options.bucket, key };
    return JSON.stringify(reference);
  }

  return {
    async send(message) {
      const attributes: Record<string, MessageAttributeValue> = {
        matchId: { DataType: 'String', StringValue: message.matchId },
        teamId: { DataType: 'String', StringValue: message.teamId },
      };
      const body = await bodyFor(message, maxBytes - attributesBytes(attributes));
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: options.queueUrl,
          MessageBody: body,
          MessageAttributes: attributes,
        }),
      );
    },
  };
}
