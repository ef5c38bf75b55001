import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, GAME_OVER_FILTER_POLICY } from '../manifest.ts';
import { EXAMPLE_CONFIG, type SynthesizedExample, synthesizeExample } from '../testing/example-stack.ts';
import { MAX_RECEIVE_COUNT, QUEUE_RETENTION_SECONDS } from './messaging.ts';

type Attributes = Record<string, unknown>;

let stack: SynthesizedExample;
beforeAll(() => {
  stack = synthesizeExample({ backend: true });
});

/** `${aws_x.name.attr}` → `aws_x.name`: which resource a reference points at. */
function referencedResource(reference: unknown): string {
  const match = /^\$\{([a-z0-9_]+\.[^.}]+)/.exec(String(reference));
  if (!match?.[1]) throw new Error(`not a resource reference: ${String(reference)}`);
  return match[1];
}

function functionNamed(name: string): [string, Attributes] {
  const found = stack
    .resources('aws_lambda_function')
    .find(([, fn]) => fn.function_name === `live-scores-cleckheaton-${name}`);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

describe('functions', () => {
  it('deploys every handler in the manifest as a Lambda function on nodejs22.x with its memory and timeout', () => {
    expect(stack.resources('aws_lambda_function')).toHaveLength(FUNCTIONS.length);
    for (const spec of FUNCTIONS) {
      const [, fn] = functionNamed(spec.name);
      expect(fn).toMatchObject({
        runtime: 'nodejs22.x',
        architectures: [spec.architecture],
        memory_size: spec.memoryMb,
        timeout: spec.timeoutSeconds,
        handler: 'index.handler',
      });
    }
  });

  it('gives every function a role of its own', () => {
    const roles = FUNCTIONS.map((spec) => functionNamed(spec.name)[1].role);
    expect(new Set(roles).size).toBe(FUNCTIONS.length);
    for (const role of roles) expect(referencedResource(role)).toMatch(/^aws_iam_role\./);
  });

  it('gives every function its own log group, with retention', () => {
    const groups = new Map(stack.resources('aws_cloudwatch_log_group'));
    for (const spec of FUNCTIONS) {
      const logging = functionNamed(spec.name)[1].logging_config as Attributes;
      const group = groups.get(
        referencedResource(logging.log_group).replace('aws_cloudwatch_log_group.', ''),
      );
      expect(group?.name).toBe(`/aws/lambda/live-scores-cleckheaton-${spec.name}`);
      expect(group?.retention_in_days).toBeGreaterThan(0);
    }
  });

  it('runs everything on arm64 except find-fixtures, whose Chromium binary is x86_64 only', () => {
    expect(functionNamed('parse-scorecard')[1].architectures).toEqual(['arm64']);
    expect(functionNamed('find-fixtures')[1]).toMatchObject({
      architectures: ['x86_64'],
      memory_size: 2048,
      timeout: 120,
    });
  });

  it('passes each function the environment its manifest entry names, plus the common ones', () => {
    for (const spec of FUNCTIONS) {
      const variables = (functionNamed(spec.name)[1].environment as { variables: Attributes }).variables;
      expect(Object.keys(variables).sort()).toEqual(
        [...new Set(['POWERTOOLS_SERVICE_NAME', 'LOG_LEVEL', 'CLUB_SLUG', ...spec.env])].sort(),
      );
    }
    const sendPush = (functionNamed('send-push')[1].environment as { variables: Attributes }).variables;
    // The parameter's name, never its value.
    expect(sendPush.VAPID_PRIVATE_KEY_PARAMETER).toBe('/live-scores/cleckheaton/vapid-private-key');
    expect(JSON.parse(String(sendPush.LIVE_SCORES_CONFIG_JSON))).toMatchObject({
      club: { slug: 'cleckheaton' },
    });
    // LIVE_SCORES_CONFIG names a config file for the local runtime; no function gets it.
    expect(sendPush.LIVE_SCORES_CONFIG).toBeUndefined();
  });
});

describe('messaging', () => {
  it('gives every working queue a dead-letter queue after a few receives, and keeps messages four days', () => {
    const queues = stack.resources('aws_sqs_queue');
    const working = queues.filter(([, q]) => q.redrive_policy !== undefined);
    const deadLetter = new Set(queues.filter(([, q]) => q.redrive_policy === undefined).map(([id]) => id));
    expect(working.map(([, q]) => q.name).sort()).toEqual(
      [
        'html-queue',
        'store-scorecard-queue',
        'record-overs-queue',
        'broadcast-queue',
        'notify-rules-queue',
        'update-cms-queue',
        'match-report-queue',
        'teardown-scraper-queue',
        'push-queue',
        'broadcast-batch-queue',
      ]
        .map((q) => `live-scores-cleckheaton-${q}`)
        .sort(),
    );
    for (const [, queue] of working) {
      const redrive = JSON.parse(String(queue.redrive_policy)) as {
        deadLetterTargetArn: string;
        maxReceiveCount: number;
      };
      expect(redrive.maxReceiveCount).toBe(MAX_RECEIVE_COUNT);
      expect(deadLetter.has(referencedResource(redrive.deadLetterTargetArn).split('.')[1] ?? '')).toBe(true);
      expect(queue.message_retention_seconds).toBeGreaterThanOrEqual(QUEUE_RETENTION_SECONDS);
    }
  });

  it('subscribes one queue per scorecard consumer to the topic with raw delivery, game-over ones filtered', () => {
    const subscriptions = stack
      .resources('aws_sns_topic_subscription')
      .filter(([, s]) => s.protocol === 'sqs');
    expect(subscriptions).toHaveLength(7);
    for (const [, s] of subscriptions) expect(s.raw_message_delivery).toBe(true);
    const filtered = subscriptions.filter(([, s]) => s.filter_policy !== undefined);
    expect(filtered.map(([id]) => id.split('_')[1]).sort()).toEqual([
      'match-report-queue-subscription',
      'teardown-scraper-queue-subscription',
      'update-cms-queue-subscription',
    ]);
    for (const [, s] of filtered) {
      expect(JSON.parse(String(s.filter_policy))).toEqual(GAME_OVER_FILTER_POLICY);
      expect(s.filter_policy_scope).toBe('MessageAttributes');
    }
  });

  it('reports batch item failures from every event source mapping, and takes only INSERTs from the fixtures stream', () => {
    const mappings = stack.resources('aws_lambda_event_source_mapping');
    expect(mappings).toHaveLength(11);
    for (const [, m] of mappings) expect(m.function_response_types).toEqual(['ReportBatchItemFailures']);
    const stream = mappings.filter(([, m]) => m.starting_position !== undefined);
    expect(stream).toHaveLength(1);
    const [, fromStream] = stream[0] as [string, Attributes];
    const filter = (fromStream.filter_criteria as { filter: { pattern: string }[] }).filter[0];
    expect(JSON.parse(filter?.pattern ?? '{}')).toEqual({ eventName: ['INSERT'] });
    expect(fromStream.destination_config).toBeDefined();
  });

  it('leaves switching the queue mappings on and off to the season switch, not to the next deploy', () => {
    const fromQueues = stack
      .resources('aws_lambda_event_source_mapping')
      .filter(([, m]) => m.starting_position === undefined);
    expect(fromQueues).toHaveLength(10);
    for (const [, m] of fromQueues) expect(m.lifecycle).toEqual({ ignore_changes: ['enabled'] });
  });

  it('keeps each queue invisible for six times its consumer timeout while a batch is handled', () => {
    const [, html] = stack
      .resources('aws_sqs_queue')
      .find(([, q]) => q.name === 'live-scores-cleckheaton-html-queue')!;
    expect(html.visibility_timeout_seconds).toBe(6 * 30);
  });
});

describe('storage', () => {
  it('blocks public access on every bucket', () => {
    const buckets = stack.resources('aws_s3_bucket').map(([id]) => id);
    const blocks = stack.resources('aws_s3_bucket_public_access_block');
    expect(blocks.map(([, b]) => referencedResource(b.bucket).split('.')[1]).sort()).toEqual(
      [...buckets].sort(),
    );
    for (const [, b] of blocks) {
      expect(b).toMatchObject({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
    }
  });

  it('lets only CloudFront read, and only the scorecards/ and matches/ prefixes', () => {
    const [[, policy]] = stack.resources('aws_s3_bucket_policy') as [[string, Attributes]];
    const statements = (JSON.parse(String(policy.policy)) as { Statement: Attributes[] }).Statement;
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: ['s3:GetObject'],
    });
    const resources = statements[0]?.Resource as string[];
    expect(resources.map((r) => r.replace(/^.*\}\//, ''))).toEqual(['scorecards/*', 'matches/*']);
  });

  it('expires stored large pages under html/', () => {
    const [[, lifecycle]] = stack.resources('aws_s3_bucket_lifecycle_configuration') as [
      [string, Attributes],
    ];
    expect(lifecycle.rule).toContainEqual(
      expect.objectContaining({ filter: [{ prefix: 'html/' }], expiration: [{ days: 2 }] }),
    );
  });

  it('bills every table on demand and expires items by TTL; the fixtures table streams new images', () => {
    const tables = stack.resources('aws_dynamodb_table');
    expect(tables).toHaveLength(4);
    for (const [, t] of tables) {
      expect(t.billing_mode).toBe('PAY_PER_REQUEST');
      expect(t.ttl).toEqual({ enabled: true, attribute_name: 'expiresAt' });
    }
    const [, fixtures] = tables.find(([, t]) => t.name === 'live-scores-cleckheaton-fixtures')!;
    expect(fixtures).toMatchObject({ stream_enabled: true, stream_view_type: 'NEW_IMAGE' });
    expect(Object.fromEntries(tables.map(([, t]) => [t.name, [t.hash_key, t.range_key]]))).toEqual({
      'live-scores-cleckheaton-fixtures': ['pk', 'sk'],
      'live-scores-cleckheaton-connections': ['connectionId', undefined],
      'live-scores-cleckheaton-subscriptions': ['id', undefined],
      'live-scores-cleckheaton-rules': ['pk', undefined],
    });
  });
});

describe('APIs', () => {
  it('routes $connect, $disconnect and sync on the WebSocket API, with stage throttling', () => {
    const routes = stack.resources('aws_apigatewayv2_route').map(([, r]) => r.route_key);
    expect(routes).toEqual(expect.arrayContaining(['$connect', '$disconnect', 'sync']));
    const stages = stack.resources('aws_apigatewayv2_stage');
    for (const [, s] of stages) {
      const settings = s.default_route_settings as Attributes;
      expect(settings.throttling_rate_limit).toBeGreaterThan(0);
      expect(settings.throttling_burst_limit).toBeGreaterThan(0);
    }
  });

  it('serves the subscription routes over an HTTP API whose CORS allows only the club origins', () => {
    const routes = stack.resources('aws_apigatewayv2_route').map(([, r]) => r.route_key);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/subscriptions',
        'PUT /api/subscriptions',
        'DELETE /api/subscriptions',
        'GET /api/vapid-public-key',
      ]),
    );
    const [, http] = stack.resources('aws_apigatewayv2_api').find(([, a]) => a.protocol_type === 'HTTP')!;
    expect((http.cors_configuration as Attributes).allow_origins).toEqual(EXAMPLE_CONFIG.server.pageOrigins);
  });

  it('serves match reports on the same HTTP API through report-api, its own integration and invoke permission', () => {
    const routes = stack.resources('aws_apigatewayv2_route');
    const [, report] = routes.find(([, r]) => r.route_key === 'GET /api/matches/{matchId}/report')!;
    const [, subscribe] = routes.find(([, r]) => r.route_key === 'POST /api/subscriptions')!;
    const integrationOf = (route: Attributes) => String(route.target).replace(/^integrations\//, '');
    expect(integrationOf(report)).not.toBe(integrationOf(subscribe));
    const integrations = new Map(
      stack
        .resources('aws_apigatewayv2_integration')
        .map(([id, i]) => [`\${aws_apigatewayv2_integration.${id}.id}`, i]),
    );
    const functions = new Map(
      stack
        .resources('aws_lambda_function')
        .map(([id, fn]) => [`\${aws_lambda_function.${id}.invoke_arn}`, fn]),
    );
    const target = functions.get(String(integrations.get(integrationOf(report))?.integration_uri));
    expect(target?.function_name).toBe('live-scores-cleckheaton-report-api');
    const permitted = stack
      .resources('aws_lambda_permission')
      .filter(([, p]) => p.principal === 'apigateway.amazonaws.com')
      .map(([, p]) => String(p.function_name));
    expect(permitted.filter((name) => name.includes('report-api'))).toHaveLength(1);
  });

  it('subscribes match-report to the topic on its own queue, filtered to game over', () => {
    const [, subscription] = stack
      .resources('aws_sns_topic_subscription')
      .find(([id]) => id.includes('match-report-queue-subscription'))!;
    expect(JSON.parse(String(subscription.filter_policy))).toEqual({ status: ['complete'] });
    const [, queue] = stack
      .resources('aws_sqs_queue')
      .find(([, q]) => q.name === 'live-scores-cleckheaton-match-report-queue')!;
    expect(queue.visibility_timeout_seconds).toBe(6 * 90);
  });
});

describe('schedules', () => {
  it('runs every schedule in Europe/London with the config cron expressions', () => {
    const schedules = stack.resources('aws_scheduler_schedule');
    expect(schedules.length).toBeGreaterThanOrEqual(2);
    for (const [, s] of schedules) expect(s.schedule_expression_timezone).toBe('Europe/London');
    const expressions = schedules.map(([, s]) => s.schedule_expression);
    expect(expressions).toContain(EXAMPLE_CONFIG.schedule.findFixtures);
    expect(expressions).toContain(EXAMPLE_CONFIG.schedule.sweepScrapers);
  });
});

describe('season switch', () => {
  const seasonSchedules = () =>
    stack.resources('aws_scheduler_schedule').filter(([, s]) => String(s.name).includes('-season-'));

  it('switches every queue mapping off on the 1st of each off-season month and on in season', () => {
    const mappings = stack
      .resources('aws_lambda_event_source_mapping')
      .filter(([, m]) => m.starting_position === undefined)
      .map(([id]) => id);
    const switched = seasonSchedules().map(([, s]) => {
      const target = s.target as { arn: string; input: string };
      const input = JSON.parse(target.input) as { UUID: string; Enabled: boolean };
      return {
        mapping: /aws_lambda_event_source_mapping\.([^.]+)\.uuid/.exec(input.UUID)?.[1],
        enabled: input.Enabled,
        expression: s.schedule_expression,
        arn: target.arn,
        timeZone: s.schedule_expression_timezone,
      };
    });
    expect(switched).toHaveLength(2 * mappings.length);
    for (const mapping of mappings) {
      expect(switched.filter((s) => s.mapping === mapping)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ enabled: true, expression: 'cron(0 0 1 4,5,6,7,8,9 ? *)' }),
          expect.objectContaining({ enabled: false, expression: 'cron(0 0 1 1,2,3,10,11,12 ? *)' }),
        ]),
      );
    }
    for (const s of switched) {
      expect(s.arn).toBe('arn:aws:scheduler:::aws-sdk:lambda:updateEventSourceMapping');
      expect(s.timeZone).toBe('Europe/London');
    }
  });

  it('runs as a role that may only update those mappings', () => {
    const [, policy] = stack
      .resources('aws_iam_role_policy')
      .find(([id]) => id.startsWith('season-switch_'))!;
    const statements = (JSON.parse(String(policy.policy)) as { Statement: Attributes[] }).Statement;
    expect(statements).toHaveLength(1);
    expect(statements[0]?.Action).toEqual(['lambda:UpdateEventSourceMapping']);
    const resources = statements[0]?.Resource as string[];
    expect(resources).toHaveLength(10);
    for (const r of resources) expect(r).toMatch(/^\$\{aws_lambda_event_source_mapping\.[^.]+\.arn\}$/);
  });
});

describe('alarms', () => {
  const alarms = () => stack.resources('aws_cloudwatch_metric_alarm').map(([, a]) => a);

  it('alarms on every dead-letter queue holding a message', () => {
    const deadLetters = alarms().filter((a) => a.metric_name === 'ApproximateNumberOfMessagesVisible');
    expect(deadLetters).toHaveLength(11);
    for (const a of deadLetters)
      expect(a).toMatchObject({ comparison_operator: 'GreaterThanThreshold', threshold: 0 });
  });

  it('sums the errors of every function no dead-letter alarm covers into one alarm', () => {
    const errors = alarms().filter((a) => JSON.stringify(a).includes('"Errors"'));
    expect(errors).toHaveLength(1);
    const [alarm] = errors as [Attributes];
    expect(alarm).toMatchObject({
      alarm_name: 'live-scores-cleckheaton-function-errors',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
    });
    const queries = alarm.metric_query as {
      id: string;
      expression?: string;
      return_data: boolean;
      metric?: { metric_name: string; dimensions: { FunctionName: string } };
    }[];
    const watched = queries.flatMap((q) => (q.metric ? [q.metric] : []));
    for (const m of watched) expect(m.metric_name).toBe('Errors');
    const functionNames = new Map(
      stack
        .resources('aws_lambda_function')
        .map(([id, fn]) => [`\${aws_lambda_function.${id}.function_name}`, fn.function_name]),
    );
    expect(watched.map((m) => functionNames.get(m.dimensions.FunctionName)).sort()).toEqual(
      [
        'find-fixtures',
        'sweep-scrapers',
        'ws-connect',
        'ws-disconnect',
        'ws-sync',
        'subscriptions-api',
        'report-api',
        'overs-api',
        'scorecards-api',
      ]
        .map((name) => `live-scores-cleckheaton-${name}`)
        .sort(),
    );
    expect(queries.filter((q) => q.return_data)).toEqual([
      expect.objectContaining({ expression: 'SUM(METRICS())' }),
    ]);
  });

  it('watches the scraper heartbeat through a metric filter on its log group, e-mailing the operator', () => {
    const [[, filter]] = stack.resources('aws_cloudwatch_log_metric_filter') as [[string, Attributes]];
    expect(filter.pattern).toBe('{ $.message = "heartbeat" }');
    // The message the scraper's watcher logs once a minute.
    expect(readFileSync(new URL('../../../scraper/src/watcher.ts', import.meta.url), 'utf8')).toContain(
      "this.logger.info('heartbeat', ",
    );
    const email = stack.resources('aws_sns_topic_subscription').find(([, s]) => s.protocol === 'email');
    expect(email?.[1].endpoint).toBe('operator@cleckheatoncc.example');
  });
});

describe('state', () => {
  it('keeps state in the configured S3 bucket with native locking', () => {
    expect(stack.json.terraform.backend).toEqual({
      s3: {
        bucket: 'cleckheaton-tf-state',
        key: 'live-scores/cleckheaton.tfstate',
        region: 'eu-west-2',
        encrypt: true,
        use_lockfile: true,
      },
    });
  });
});

describe('what the internet can reach', () => {
  it('caps the concurrency of every function the internet invokes (WebSocket routes and the HTTP API)', () => {
    const exposed = FUNCTIONS.filter(
      (spec) => spec.trigger.kind === 'websocket' || spec.trigger.kind === 'http',
    );
    expect(exposed.map((spec) => spec.name).sort()).toEqual(
      [
        'report-api',
        'overs-api',
        'scorecards-api',
        'subscriptions-api',
        'ws-connect',
        'ws-disconnect',
        'ws-sync',
      ].sort(),
    );
    for (const spec of exposed) {
      expect(functionNamed(spec.name)[1].reserved_concurrent_executions, spec.name).toBeGreaterThan(0);
    }
    // Queue consumers scale with their queues.
    expect(functionNamed('send-push')[1].reserved_concurrent_executions).toBeUndefined();
  });

  it('writes a JSON access log line for every request of both APIs, to a log group with retention', () => {
    const groups = new Map(stack.resources('aws_cloudwatch_log_group'));
    const stages = stack.resources('aws_apigatewayv2_stage');
    expect(stages).toHaveLength(2);
    for (const [id, stage] of stages) {
      const settings = stage.access_log_settings as { destination_arn: string; format: string };
      const group = groups.get(
        referencedResource(settings.destination_arn).replace('aws_cloudwatch_log_group.', ''),
      );
      expect(group?.name, id).toMatch(/^\/aws\/apigateway\/live-scores-cleckheaton-(live|subscriptions)$/);
      expect(group?.retention_in_days).toBeGreaterThan(0);
      expect(Object.keys(JSON.parse(settings.format) as object)).toEqual(
        expect.arrayContaining(['requestId', 'ip', 'routeKey', 'status']),
      );
    }
    // WebSocket logging needs API Gateway's account-level role.
    const [[, account]] = stack.resources('aws_api_gateway_account') as [[string, Attributes]];
    expect(referencedResource(account.cloudwatch_role_arn)).toMatch(/^aws_iam_role\.api-logging_/);
  });

  it('sends HSTS, a CSP and nosniff with every CloudFront response: the page its own policy, JSON none at all', () => {
    const [[, distribution]] = stack.resources('aws_cloudfront_distribution') as [[string, Attributes]];
    const policies = new Map(stack.resources('aws_cloudfront_response_headers_policy'));
    const policyOf = (behaviour: Attributes) =>
      policies.get(
        referencedResource(behaviour.response_headers_policy_id).replace(
          'aws_cloudfront_response_headers_policy.',
          '',
        ),
      );
    const ordered = distribution.ordered_cache_behavior as Attributes[];
    const byPath = (pattern: string) => ordered.find((b) => b.path_pattern === pattern)!;

    const page = policyOf(distribution.default_cache_behavior as Attributes)
      ?.security_headers_config as Attributes;
    expect(page).toMatchObject({
      strict_transport_security: { access_control_max_age_sec: 31_536_000, override: true },
      content_type_options: { override: true },
    });
    expect((page.content_security_policy as Attributes).content_security_policy).toContain(
      "script-src 'self'",
    );
    expect((page.content_security_policy as Attributes).content_security_policy).toContain(
      `frame-ancestors 'self' ${EXAMPLE_CONFIG.server.pageOrigins.map((o) => new URL(o).origin).join(' ')}`,
    );
    // The club's sites may frame the page: its CSP names them, so no X-Frame-Options.
    expect(page.frame_options).toBeUndefined();

    const objects = policyOf(byPath('/scorecards/*'));
    expect(objects?.security_headers_config).toMatchObject({
      content_security_policy: { content_security_policy: "default-src 'none'; frame-ancestors 'none'" },
      frame_options: { frame_option: 'DENY' },
    });
    expect(
      (objects?.cors_config as { access_control_allow_origins: { items: string[] } })
        .access_control_allow_origins.items,
    ).toEqual(EXAMPLE_CONFIG.server.pageOrigins.map((o) => new URL(o).origin));
    expect(policyOf(byPath('/api/*'))?.security_headers_config).toMatchObject({
      content_security_policy: { content_security_policy: "default-src 'none'; frame-ancestors 'none'" },
    });
    for (const behaviour of [distribution.default_cache_behavior as Attributes, ...ordered])
      expect(behaviour.viewer_protocol_policy).toBe('redirect-to-https');
  });
});
