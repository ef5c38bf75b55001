import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { connections } from './wiring/delivery-adapters.ts';

/** `$connect`: remember the page's connection (API Gateway cannot send to it yet; the page asks to sync). */
export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> {
  const { connectionId, requestTimeEpoch } = event.requestContext;
  await connections().add({ connectionId, connectedAt: new Date(requestTimeEpoch).toISOString() });
  return { statusCode: 200 };
}
