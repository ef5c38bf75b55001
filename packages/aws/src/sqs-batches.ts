import {
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/** SQS takes at most 10 entries and 256 KiB per SendMessageBatch. */
export const SQS_MAX_ENTRIES = 10;
export const SQS_MAX_BATCH_BYTES = 256 * 1024;

/** Groups message bodies into batches that respect both SQS limits, keeping their order. */
export function sqsBatches(
  bodies: readonly string[],
  maxEntries = SQS_MAX_ENTRIES,
  maxBytes = SQS_MAX_BATCH_BYTES,
): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const body of bodies) {
    const size = Buffer.byteLength(body);
    if (current.length > 0 && (current.length === maxEntries || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(body);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Sends every body; throws (so the caller's message is retried) if SQS refuses any entry. */
export async function sendAll(
  client: SQSClient,
  queueUrl: string,
  bodies: readonly string[],
  delaySeconds = 0,
): Promise<void> {
  for (const batch of sqsBatches(bodies)) {
    const Entries: SendMessageBatchRequestEntry[] = batch.map((MessageBody, i) => ({
      Id: String(i),
      MessageBody,
      ...(delaySeconds > 0 ? { DelaySeconds: delaySeconds } : {}),
    }));
    const out = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries }));
    if (out.Failed && out.Failed.length > 0) {
      const first = out.Failed[0];
      throw new Error(
        `SQS refused ${out.Failed.length} of ${Entries.length} messages: ${first?.Code} ${first?.Message ?? ''}`.trim(),
      );
    }
  }
}
