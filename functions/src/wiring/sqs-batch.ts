import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/**
 * An SQS handler with partial batch failure reporting: records that throw are returned
 * in `batchItemFailures` and only they are redelivered (and, past the queue's receive
 * limit, dead-lettered); the records that succeeded are not run again. The event source
 * mapping must have `ReportBatchItemFailures` on. A batch where every record failed is
 * reported the same way rather than thrown, so the logs show one shape of failure.
 */
export function sqsBatchHandler(
  handleRecord: (record: SQSRecord) => Promise<unknown>,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  return (event, context) =>
    processPartialResponse(event, handleRecord, new BatchProcessor(EventType.SQS), {
      context,
      throwOnFullBatchFailure: false,
    });
}
