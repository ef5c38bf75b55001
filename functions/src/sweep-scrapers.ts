import { sweepScrapers } from '@live-scores/core';
import type { ScheduledEvent } from 'aws-lambda';
import { scraperFleet } from './wiring/aws-adapters.ts';
import { functionLogger } from './wiring/logger.ts';

const logger = functionLogger('sweep-scrapers');

/** 21:00 Europe/London → terminate every scraper host still tagged for the club. */
export async function handler(
  _event: ScheduledEvent | Record<string, never>,
): Promise<{ terminated: string[] }> {
  const hosts = await sweepScrapers({ fleet: scraperFleet(), logger });
  return { terminated: hosts.map((h) => h.id) };
}
