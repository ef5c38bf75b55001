import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account/index.js';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api/index.js';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration/index.js';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route/index.js';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage/index.js';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission/index.js';
import type { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function/index.js';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { Construct } from 'constructs';
import type { ResourceNames } from './names.ts';
import { allow } from './policy.ts';
import { leastPrivilegeRole } from './role.ts';

export const LIVE_STAGE = 'live';

/**
 * Stage-wide limits. API Gateway has no per-client limit without WAF: these bound what one
 * abusive client can cost (requests per second across the stage), while a match-day crowd of
 * a few hundred supporters stays far below them.
 */
export const WEBSOCKET_THROTTLE = { burst: 200, ratePerSecond: 100 } as const;
export const HTTP_THROTTLE = { burst: 50, ratePerSecond: 20 } as const;

export const ACCESS_LOG_RETENTION_DAYS = 14;

/** Where every club's API access logs go: `/aws/apigateway/live-scores-<slug>-<api>`. */
const ACCESS_LOG_PREFIX = '/aws/apigateway/live-scores-';

/** One JSON line per request or WebSocket event; no bodies, no headers, no query strings. */
export const WEBSOCKET_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  routeKey: '$context.routeKey',
  eventType: '$context.eventType',
  connectionId: '$context.connectionId',
  status: '$context.status',
  error: '$context.error.message',
  integrationError: '$context.integrationErrorMessage',
});
export const HTTP_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
});

function accessLogGroup(scope: Construct, names: ResourceNames, api: string): CloudwatchLogGroup {
  return new CloudwatchLogGroup(scope, 'access-logs', {
    name: `${ACCESS_LOG_PREFIX}${names.clubSlug}-${api}`,
    retentionInDays: ACCESS_LOG_RETENTION_DAYS,
  });
}

/**
 * WebSocket APIs write access logs with the role in API Gateway's account settings (HTTP
 * APIs need none). That setting is one per account and region, so the role may write to
 * the access log groups of every club's stack, and a second club's deploy replacing it
 * changes nothing for the first.
 */
export class ApiGatewayLogging extends Construct {
  constructor(
    scope: Construct,
    id: string,
    props: { names: ResourceNames; region: string; accountId: string },
  ) {
    super(scope, id);
    const groups = `arn:aws:logs:${props.region}:${props.accountId}:log-group:${ACCESS_LOG_PREFIX}*`;
    const role = leastPrivilegeRole(this, {
      name: props.names.of('apigateway-logs'),
      service: 'apigateway.amazonaws.com',
      statements: [
        allow(
          ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          [groups, `${groups}:*`],
        ),
      ],
    });
    new ApiGatewayAccount(this, 'account', { cloudwatchRoleArn: role.arn });
  }
}

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
  /** The domain CloudFront forwards `/live` to: the stage is named `live`, so the path is the stage. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: { names: ResourceNames; region: string }) {
    super(scope, id);
    this.api = new Apigatewayv2Api(this, 'api', {
      name: props.names.of('live'),
      protocolType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
    });
    const logs = accessLogGroup(this, props.names, 'live');
    this.stage = new Apigatewayv2Stage(this, 'stage', {
      apiId: this.api.id,
      name: LIVE_STAGE,
      autoDeploy: true,
      accessLogSettings: { destinationArn: logs.arn, format: WEBSOCKET_ACCESS_LOG_FORMAT },
      defaultRouteSettings: {
        throttlingBurstLimit: WEBSOCKET_THROTTLE.burst,
        throttlingRateLimit: WEBSOCKET_THROTTLE.ratePerSecond,
      },
    });
    this.domainName = `${this.api.id}.execute-api.${props.region}.amazonaws.com`;
    this.managementEndpoint = `https://${this.domainName}/${LIVE_STAGE}`;
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

/**
 * The page's HTTP API (subscriptions and scorecards, one function per group of routes),
 * callable from the club's page origins only (CORS).
 */
export class PageHttpApi extends Construct {
  readonly api: Apigatewayv2Api;
  /** The domain CloudFront forwards to (the `$default` stage, so paths need no prefix). */
  readonly domainName: string;

  constructor(
    scope: Construct,
    id: string,
    props: { names: ResourceNames; region: string; pageOrigins: string[] },
  ) {
    super(scope, id);
    this.api = new Apigatewayv2Api(this, 'api', {
      name: props.names.of('page-api'),
      protocolType: 'HTTP',
      corsConfiguration: {
        allowOrigins: props.pageOrigins.map((o) => new URL(o).origin),
        allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
        allowHeaders: ['content-type'],
        maxAge: 3600,
      },
    });
    const logs = accessLogGroup(this, props.names, 'subscriptions');
    new Apigatewayv2Stage(this, 'stage', {
      apiId: this.api.id,
      name: '$default',
      autoDeploy: true,
      accessLogSettings: { destinationArn: logs.arn, format: HTTP_ACCESS_LOG_FORMAT },
      defaultRouteSettings: {
        throttlingBurstLimit: HTTP_THROTTLE.burst,
        throttlingRateLimit: HTTP_THROTTLE.ratePerSecond,
      },
    });
    this.domainName = `${this.api.id}.execute-api.${props.region}.amazonaws.com`;
  }

  routes(name: string, routeKeys: readonly string[], fn: LambdaFunction): void {
    const integration = new Apigatewayv2Integration(this, `${name}-integration`, {
      apiId: this.api.id,
      integrationType: 'AWS_PROXY',
      integrationUri: fn.invokeArn,
      payloadFormatVersion: '2.0',
    });
    for (const routeKey of routeKeys) {
      new Apigatewayv2Route(this, `route-${routeKey.replace(/[^A-Za-z]+/g, '-')}`, {
        apiId: this.api.id,
        routeKey,
        target: `integrations/${integration.id}`,
      });
    }
    permitApiGateway(this, `${name}-permission`, fn, `${this.api.executionArn}/*/*/api/*`);
  }
}
