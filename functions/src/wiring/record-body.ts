import type { SQSRecord } from 'aws-lambda';

interface Schema<T, E> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: E };
}

/** An SQS record's JSON body validated against a schema; a bad one throws one line (→ retries → DLQ). */
export function parseRecordBody<T, E>(
  record: SQSRecord,
  schema: Schema<T, E>,
  name: string,
  reason: (error: E) => string,
): T {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new Error(`message ${record.messageId}: body is not JSON`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`message ${record.messageId}: not a ${name}: ${reason(parsed.error)}`);
  return parsed.data;
}
