import type { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import type { ConnectionSender, Logger } from '@live-scores/core';
import { hasErrorName, httpStatusOf } from './aws-errors.ts';

export interface ApiGatewayConnectionSenderOptions {
  client: ApiGatewayManagementApiClient;
  logger?: Logger;
}

/** PostToConnection; a `GoneException` (410) means the page has left for good. */
export function createApiGatewayConnectionSender(
  options: ApiGatewayConnectionSenderOptions,
): ConnectionSender {
  return {
    async send(connectionId, data) {
      try {
        await options.client.send(
          new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from(data) }),
        );
        return 'sent';
      } catch (error) {
        if (hasErrorName(error, 'GoneException') || httpStatusOf(error) === 410) return 'gone';
        options.logger?.warn('post to connection failed', { connectionId, error: error as Error });
        return 'failed';
      }
    },
  };
}
