import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { connections } from './wiring/delivery-adapters.ts';

/** `$disconnect`: forget the connection (best effort: API Gateway may skip it; the TTL catches those). */
export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> {
  await connections().remove(event.requestContext.connectionId);
  return { statusCode: 200 };
}
