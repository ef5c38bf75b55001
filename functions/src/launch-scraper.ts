import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { fixtureRecordFromStreamImage } from '@live-scores/aws';
import { launchScraper } from '@live-scores/core';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { fixturesTable, scraperFleet } from './wiring/aws-adapters.ts';
import { functionLogger } from './wiring/logger.ts';

const logger = functionLogger('launch-scraper');

/**
 * New rows of the fixtures table (the stream, filtered to INSERT) → the club day's scraper
 * host. Records of a shard arrive in order and one batch at a time, and the batch's records
 * are handled one after the other (Powertools runs them in parallel unless told not to):
 * that is what keeps "one host per day" free of races (launchScraper explains).
 */
async function handleRecord(record: DynamoDBRecord): Promise<unknown> {
  if (record.eventName !== 'INSERT') return undefined;
  const image = record.dynamodb?.NewImage;
  if (!image) throw new Error(`stream record ${record.eventID}: INSERT without NewImage (use NEW_IMAGE)`);
  const fixture = fixtureRecordFromStreamImage(image as Record<string, AttributeValue>);
  return launchScraper({ fixtures: fixturesTable(), fleet: scraperFleet(), logger }, fixture);
}

export const handler = (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
  processPartialResponse(event, handleRecord, new BatchProcessor(EventType.DynamoDBStreams), {
    context,
    throwOnFullBatchFailure: false,
    processInParallel: false,
  });
