import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api/index.js';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration/index.js';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route/index.js';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage/index.js';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission/index.js';
import type { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function/index.js';
import { Construct } from 'constructs';
import type { ResourceNames } from './names.ts';

export const LIVE_STAGE = 'live';

/**
 * Stage-wide limits. API Gateway has no per-client limit without WAF: these bound what one
 * abusive client can cost (requests per second across the stage), while a match-day crowd of
 * a few hundred supporters stays far below them.
 */
export const WEBSOCKET_THROTTLE = { burst: 200, ratePerSecond: 100 } as const;
export const HTTP_THROTTLE = { burst: 50, ratePerSecond: 20 } as const;

function permitApiGateway(scope: Construct, id: string, fn: LambdaFunction, sourceArn: string): void {
  new LambdaPermission(scope, id, {
    action: 'lambda:InvokeFunction',
    functionName: fn.functionName,
    principal: 'apigateway.amazonaws.com',
    sourceArn,
  });
}

/** The live page's WebSocket API: `$connect`, `$disconnect` and the `sync` action. */
export class LiveWebSocketApi extends Construct {
  readonly api: Apigatewayv2Api;
  readonly stage: Apigatewayv2Stage;
  /** What PostToConnection is called on. */
  readonly managementEndpoint: string;
  /** The resource `execute-api:ManageConnections` is granted on (sending only). */
  readonly connectionsArn: string;

  constructor(scope: Construct, id: string, props: { names: ResourceNames; region: string }) {
    super(scope, id);
    this.api = new Apigatewayv2Api(this, 'api', {
      name: props.names.of('live'),
      protocolType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
    });
    this.stage = new Apigatewayv2Stage(this, 'stage', {
      apiId: this.api.id,
      name: LIVE_STAGE,
      autoDeploy: true,
      defaultRouteSettings: {
        throttlingBurstLimit: WEBSOCKET_THROTTLE.burst,
        throttlingRateLimit: WEBSOCKET_THROTTLE.ratePerSecond,
      },
    });
    this.managementEndpoint = `https://${this.api.id}.execute-api.${props.region}.amazonaws.com/${LIVE_STAGE}`;
    this.connectionsArn = `${this.api.executionArn}/${LIVE_STAGE}/POST/@connections/*`;
  }

  route(routeKey: string, fn: LambdaFunction): void {
    const id = routeKey.replace(/^\$/, '');
    const integration = new Apigatewayv2Integration(this, `${id}-integration`, {
      apiId: this.api.id,
      integrationType: 'AWS_PROXY',
      integrationUri: fn.invokeArn,
    });
    new Apigatewayv2Route(this, `${id}-route`, {
      apiId: this.api.id,
      routeKey,
      target: `integrations/${integration.id}`,
    });
    permitApiGateway(this, `${id}-permission`, fn, `${this.api.executionArn}/*/${routeKey}`);
  }
}

/** The page's HTTP API (subscriptions, the VAPID key, match reports), callable from the club's page origins only (CORS). */
export class SubscriptionsHttpApi extends Construct {
  readonly api: Apigatewayv2Api;
  private integrated = 0;

  constructor(scope: Construct, id: string, props: { names: ResourceNames; pageOrigins: string[] }) {
    super(scope, id);
    this.api = new Apigatewayv2Api(this, 'api', {
      name: props.names.of('subscriptions'),
      protocolType: 'HTTP',
      corsConfiguration: {
        allowOrigins: props.pageOrigins.map((o) => new URL(o).origin),
        allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
        allowHeaders: ['content-type'],
        maxAge: 3600,
      },
    });
    new Apigatewayv2Stage(this, 'stage', {
      apiId: this.api.id,
      name: '$default',
      autoDeploy: true,
      defaultRouteSettings: {
        throttlingBurstLimit: HTTP_THROTTLE.burst,
        throttlingRateLimit: HTTP_THROTTLE.ratePerSecond,
      },
    });
  }

  /**
   * Routes to one function. Each function's integration and permission get ids of their
   * own; the first function's keep the plain ids they always had, so adding a function
   * never replaces the existing integration.
   */
  routes(routeKeys: readonly string[], fn: LambdaFunction, name: string): void {
    const scope = this.integrated++ === 0 ? this : new Construct(this, name);
    const integration = new Apigatewayv2Integration(scope, 'integration', {
      apiId: this.api.id,
      integrationType: 'AWS_PROXY',
      integrationUri: fn.invokeArn,
      payloadFormatVersion: '2.0',
    });
    for (const routeKey of routeKeys) {
      new Apigatewayv2Route(scope, `route-${routeKey.replace(/[^A-Za-z]+/g, '-')}`, {
        apiId: this.api.id,
        routeKey,
        target: `integrations/${integration.id}`,
      });
    }
    permitApiGateway(scope, 'permission', fn, `${this.api.executionArn}/*/*/api/*`);
  }
}
