import { fixtureRecordFromStreamImage } from '@live-scores/aws';
import { launchScraper } from '@live-scores/core';
import type { DynamoDBRecord } from 'aws-lambda';
import { fixturesTable, scraperFleet } from './wiring/aws-adapters.ts';
import { streamBatchHandler } from './wiring/batch-handler.ts';
import { functionLogger } from './wiring/logger.ts';

const logger = functionLogger('launch-scraper');

/**
 * New rows of the fixtures table (the stream, filtered to INSERT) → the club day's scraper
 * host. Records of a shard arrive in order and one batch at a time, and the batch's records
 * are handled one after the other: that is what keeps "one host per day" free of races
 * (launchScraper explains).
 */
async function handleRecord(record: DynamoDBRecord): Promise<unknown> {
  if (record.eventName !== 'INSERT') return undefined;
  const image = record.dynamodb?.NewImage;
  if (!image) throw new Error(`stream record ${record.eventID}: INSERT without NewImage (use NEW_IMAGE)`);
  const fixture = fixtureRecordFromStreamImage(image);
  return launchScraper({ fixtures: fixturesTable(), fleet: scraperFleet(), logger }, fixture);
}

export const handler = streamBatchHandler(handleRecord);
