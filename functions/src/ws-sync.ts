import { matchDay, syncConnection } from '@live-scores/core';
import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { scorecardStore, timeZone } from './wiring/aws-adapters.ts';
import { connectionSender } from './wiring/delivery-adapters.ts';

/**
 * Route `sync` (`{ "action": "sync" }`): reply with today's scorecards, one frame each. A page
 * that has already gone is left to `$disconnect` and the table's TTL.
 */
export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> {
  const scorecards = { list: () => scorecardStore().listDay(matchDay(new Date(), timeZone())) };
  const sent = await syncConnection(
    { scorecards, sender: connectionSender() },
    event.requestContext.connectionId,
  );
  return { statusCode: 200, body: JSON.stringify({ synced: sent }) };
}
