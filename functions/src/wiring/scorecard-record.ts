import type { SQSRecord } from 'aws-lambda';
import { oneLineReason, Scorecard } from '@live-scores/schema';

/**
 * The Scorecard in an SQS record of a queue subscribed to the scorecard topic.
 *
 * The subscriptions use raw message delivery (the body is the scorecard JSON, and the
 * filter policy still applies to the message attributes): smaller bodies and no envelope
 * to unwrap. An SNS envelope (`Type: "Notification"`, `Message`) is unwrapped too, so a
 * subscription created without raw delivery degrades to working, not to a dead-letter
 * queue full of good scorecards.
 */
export function scorecardFromRecord(record: SQSRecord): Scorecard {
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
  const parsed = Scorecard.safeParse(body);
  if (!parsed.success)
    throw new Error(`message ${record.messageId}: not a Scorecard: ${oneLineReason(parsed.error)}`);
  return parsed.data;
}

function isSnsEnvelope(body: unknown): body is { Type: 'Notification'; Message: string } {
  const b = body as { Type?: unknown; Message?: unknown } | null;
  return b?.Type === 'Notification' && typeof b.Message === 'string';
}
