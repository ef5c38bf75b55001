import type { Logger } from '@live-scores/core';
import { decodeHtmlQueueBody, HtmlQueueBodyError, type ScorecardHtml } from '@live-scores/schema';
import type { SQSRecord } from 'aws-lambda';

/**
 * The captured page an html-queue record carries: the message itself, a gzip envelope, or
 * a reference to the object the scraper stored for a page too large for the queue. A body
 * that is none of these is logged with its reason and thrown (→ retries → dead-letter queue).
 */
export async function htmlMessageFromRecord(
  record: SQSRecord,
  readObject: (bucket: string, key: string) => Promise<string>,
  logger: Logger,
): Promise<ScorecardHtml> {
  try {
    return await decodeHtmlQueueBody(record.body, readObject);
  } catch (error) {
    if (error instanceof HtmlQueueBodyError) {
      logger.error('html message rejected', { messageId: record.messageId, reason: error.message });
    }
    throw error;
  }
}
