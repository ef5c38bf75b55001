import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type {
  Context,
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  SQSBatchResponse,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';

/**
 * A batch handler with partial failure reporting: records that throw are returned in
 * `batchItemFailures` and only they are retried (and, past the queue's receive limit,
 * dead-lettered); the records that succeeded are not run again. The event source mapping
 * must have `ReportBatchItemFailures` on. A batch where every record failed is reported the
 * same way rather than thrown, so the logs show one shape of failure.
 */
function batchHandler<E extends SQSEvent | DynamoDBStreamEvent, R, Response>(
  eventType: (typeof EventType)[keyof typeof EventType],
  handleRecord: (record: R) => Promise<unknown>,
  options: { inOrder: boolean },
): (event: E, context: Context) => Promise<Response> {
  return (event, context) =>
    processPartialResponse(event, handleRecord as never, new BatchProcessor(eventType), {
      context,
      throwOnFullBatchFailure: false,
      processInParallel: !options.inOrder,
    }) as Promise<Response>;
}

/**
 * An SQS consumer; the batch's records run at once, or with `inOrder` one after the other
 * (for a consumer whose records of one match would only contend for the same write).
 */
export const sqsBatchHandler = (
  handleRecord: (record: SQSRecord) => Promise<unknown>,
  options: { inOrder: boolean } = { inOrder: false },
): ((event: SQSEvent, context: Context) => Promise<SQSBatchResponse>) =>
  batchHandler(EventType.SQS, handleRecord, options);

/** A DynamoDB stream consumer; the batch's records run one after the other, in stream order. */
export const streamBatchHandler = (
  handleRecord: (record: DynamoDBRecord) => Promise<unknown>,
): ((event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>) =>
  batchHandler(EventType.DynamoDBStreams, handleRecord, { inOrder: true });
