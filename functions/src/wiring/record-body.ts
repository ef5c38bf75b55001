import { oneLineReason, Scorecard } from '@live-scores/schema';
import type { SQSRecord } from 'aws-lambda';

type Schema<T> = {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: Parameters<typeof oneLineReason>[0] };
};

/**
 * An SQS record's JSON body validated against a schema; a bad one throws one line naming
 * the message (→ retries → dead-letter queue).
 *
 * The topic's subscriptions use raw message delivery (the body is the message JSON, and the
 * filter policy still applies to the message attributes): smaller bodies and no envelope to
 * unwrap. An SNS envelope (`Type: "Notification"`, `Message`) is unwrapped too, so a
 * subscription created without raw delivery degrades to working, not to a dead-letter queue
 * full of good messages.
 */
export function recordBody<T>(record: SQSRecord, schema: Schema<T>, name: string): T {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new Error(`message ${record.messageId}: body is not JSON`);
  }
  if (isSnsEnvelope(body)) {
    try {
      body = JSON.parse(body.Message);
    } catch {
      throw new Error(`message ${record.messageId}: SNS Message is not JSON`);
    }
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new Error(`message ${record.messageId}: not a ${name}: ${oneLineReason(parsed.error)}`);
  return parsed.data;
}

function isSnsEnvelope(body: unknown): body is { Type: 'Notification'; Message: string } {
  const b = body as { Type?: unknown; Message?: unknown } | null;
  return b?.Type === 'Notification' && typeof b.Message === 'string';
}

/** The Scorecard in an SQS record of a queue subscribed to the scorecard topic. */
export const scorecardFromRecord = (record: SQSRecord): Scorecard =>
  recordBody(record, Scorecard, 'Scorecard');
