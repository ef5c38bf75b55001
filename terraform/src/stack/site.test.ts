import { parseConfig } from '@live-scores/config';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONFIG, type SynthesizedExample, synthesizeExample } from '../testing/example-stack.ts';

type Attributes = Record<string, unknown>;

interface Behaviour extends Attributes {
  path_pattern?: string;
  target_origin_id: string;
  allowed_methods: string[];
  cache_policy_id: string;
  origin_request_policy_id?: string;
  response_headers_policy_id?: string;
}

const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
const WEB_PUBLIC = fileURLToPath(new URL('../../../web/public/', import.meta.url));
const CUSTOM_DOMAIN = {
  domainName: 'scores.cleckheatoncc.example',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f6e1c2a-1111-4a3b-9c8d-112233445566',
};

let stack: SynthesizedExample;
let distribution: Attributes;
beforeAll(() => {
  stack = synthesizeExample();
  const distributions = stack.resources('aws_cloudfront_distribution');
  expect(distributions).toHaveLength(1);
  distribution = distributions[0]![1];
});

const behaviours = (): Behaviour[] => distribution.ordered_cache_behavior as Behaviour[];
const behaviourFor = (pattern: string): Behaviour => {
  const found = behaviours().find((b) => b.path_pattern === pattern);
  if (!found) throw new Error(`no behaviour for ${pattern}`);
  return found;
};
const originDomain = (originId: string): string =>
  String((distribution.origin as Attributes[]).find((o) => o.origin_id === originId)?.domain_name);
/** `${aws_x.name.attr}` → `name`. */
const resourceName = (reference: unknown): string =>
  /\$\{[a-z0-9_]+\.([^.}]+)/.exec(String(reference))?.[1] ?? '';

describe('one origin for the whole page', () => {
  it('sends the socket, the API, the service worker and the stored objects to their origins, and the rest to the page', () => {
    expect(behaviours().map((b) => [b.path_pattern, b.target_origin_id])).toEqual([
      ['/live', 'live-api'],
      ['/api/scorecards', 'http-api'],
      ['/api/scorecards/*', 'http-api'],
      ['/api/matches/*/overs', 'http-api'],
      ['/api/*', 'http-api'],
      ['/sw.js', 'web'],
      ['/scorecards/*', 'scorecards'],
      ['/matches/*', 'scorecards'],
    ]);
    expect(distribution.default_cache_behavior).toMatchObject({
      target_origin_id: 'web',
      cache_policy_id: CACHING_OPTIMIZED,
    });
    expect(distribution.default_root_object).toBe('index.html');
  });

  it('forwards /live to the WebSocket API, whose stage is named live, uncached and with its own Host', () => {
    const [wsApi] = stack.resources('aws_apigatewayv2_api').find(([, a]) => a.protocol_type === 'WEBSOCKET')!;
    expect(originDomain('live-api')).toBe(
      `\${aws_apigatewayv2_api.${wsApi}.id}.execute-api.eu-west-2.amazonaws.com`,
    );
    const [, stage] = stack
      .resources('aws_apigatewayv2_stage')
      .find(([, s]) => String(s.api_id).includes(`aws_apigatewayv2_api.${wsApi}.`))!;
    expect(`/${String(stage.name)}`).toBe('/live');
    expect(behaviourFor('/live')).toMatchObject({
      cache_policy_id: CACHING_DISABLED,
      origin_request_policy_id: ALL_VIEWER_EXCEPT_HOST,
    });
  });

  it('forwards every /api/ path to the HTTP API, where the scorecards routes reach scorecards-api', () => {
    const [httpApi] = stack.resources('aws_apigatewayv2_api').find(([, a]) => a.protocol_type === 'HTTP')!;
    expect(originDomain('http-api')).toBe(
      `\${aws_apigatewayv2_api.${httpApi}.id}.execute-api.eu-west-2.amazonaws.com`,
    );
    const integrations = new Map(stack.resources('aws_apigatewayv2_integration'));
    const functions = new Map(stack.resources('aws_lambda_function'));
    const targetOf = (routeKey: string): unknown => {
      const [, route] = stack.resources('aws_apigatewayv2_route').find(([, r]) => r.route_key === routeKey)!;
      const integration = integrations.get(resourceName(route.target))!;
      return functions.get(resourceName(integration.integration_uri))?.function_name;
    };
    expect(targetOf('GET /api/scorecards')).toBe('live-scores-cleckheaton-scorecards-api');
    expect(targetOf('GET /api/scorecards/{teamId}')).toBe('live-scores-cleckheaton-scorecards-api');
    expect(targetOf('POST /api/subscriptions')).toBe('live-scores-cleckheaton-subscriptions-api');
    expect(targetOf('GET /api/vapid-public-key')).toBe('live-scores-cleckheaton-subscriptions-api');
    expect(targetOf('GET /api/matches/{matchId}/overs')).toBe('live-scores-cleckheaton-overs-api');
    expect(behaviourFor('/api/*')).toMatchObject({
      cache_policy_id: CACHING_DISABLED,
      origin_request_policy_id: ALL_VIEWER_EXCEPT_HOST,
      allowed_methods: expect.arrayContaining(['POST', 'PUT', 'DELETE', 'OPTIONS']),
    });
  });

  it('caches the scorecards and over history routes for five seconds, keyed by Origin so each embedding site gets its CORS answer', () => {
    const policies = new Map(stack.resources('aws_cloudfront_cache_policy'));
    for (const pattern of ['/api/scorecards', '/api/scorecards/*', '/api/matches/*/overs']) {
      const behaviour = behaviourFor(pattern);
      expect(behaviour.origin_request_policy_id).toBe(ALL_VIEWER_EXCEPT_HOST);
      const policy = policies.get(resourceName(behaviour.cache_policy_id))!;
      expect(policy).toMatchObject({ min_ttl: 0, default_ttl: 5, max_ttl: 5 });
      const key = policy.parameters_in_cache_key_and_forwarded_to_origin as Attributes;
      expect(key.headers_config).toEqual({ header_behavior: 'whitelist', headers: { items: ['Origin'] } });
      expect(key.query_strings_config).toEqual({ query_string_behavior: 'none' });
    }
  });

  it('lets the service worker control the whole origin', () => {
    const policies = new Map(stack.resources('aws_cloudfront_response_headers_policy'));
    const policy = policies.get(resourceName(behaviourFor('/sw.js').response_headers_policy_id))!;
    expect((policy.custom_headers_config as { items: Attributes[] }).items).toContainEqual({
      header: 'Service-Worker-Allowed',
      value: '/',
      override: true,
    });
  });
});

describe('the page in a private bucket', () => {
  const objects = () =>
    new Map(
      stack
        .resources('aws_s3_object')
        .filter(([id]) => id.startsWith('site_'))
        .map(([, o]) => [String(o.key), o]),
    );

  it('uploads every file of web/public with the headers the local server sends', () => {
    const files = (readdirSync(WEB_PUBLIC, { recursive: true }) as string[])
      .filter((f) => f.includes('.'))
      .map((f) => f.split('\\').join('/'));
    expect([...objects().keys()].sort()).toEqual([...files, 'config.json'].sort());
    expect(objects().get('index.html')).toMatchObject({
      content_type: 'text/html; charset=utf-8',
      cache_control: 'no-cache',
    });
    expect(objects().get('sw.js')).toMatchObject({
      content_type: 'text/javascript; charset=utf-8',
      cache_control: 'no-cache',
    });
    expect(objects().get('manifest.webmanifest')?.content_type).toBe('application/manifest+json');
    expect(objects().get('icons/icon-192.png')).toMatchObject({
      content_type: 'image/png',
      cache_control: 'public, max-age=31536000, immutable',
    });
  });

  it("writes /config.json from the config file and the stack's VAPID public key", () => {
    const config = objects().get('config.json')!;
    expect(JSON.parse(String(config.content))).toEqual({
      title: 'Cleckheaton live scores',
      teams: [
        { id: 'firstTeam', label: '1st XI' },
        { id: 'secondTeam', label: '2nd XI' },
      ],
      overs: 50,
      staleSeconds: 600,
      ws: '/live',
      api: '',
      vapidPublicKey: '${var.vapid_public_key}',
    });
  });

  it('is read only by this distribution, through origin access control', () => {
    const [[oac, control]] = stack.resources('aws_cloudfront_origin_access_control') as [
      [string, Attributes],
    ];
    expect(control).toMatchObject({
      origin_access_control_origin_type: 's3',
      signing_behavior: 'always',
      signing_protocol: 'sigv4',
    });
    for (const originId of ['web', 'scorecards']) {
      const origin = (distribution.origin as Attributes[]).find((o) => o.origin_id === originId)!;
      expect(resourceName(origin.origin_access_control_id)).toBe(oac);
    }
    const [distributionId] = stack.resources('aws_cloudfront_distribution')[0]!;
    const [, policy] = stack
      .resources('aws_s3_bucket_policy')
      .find(([, p]) => String(p.bucket).includes('site_web_bucket'))!;
    expect(JSON.parse(String(policy.policy)).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: ['s3:GetObject'],
        Resource: [expect.stringMatching(/^\$\{aws_s3_bucket\.site_web_bucket_[^}]+\.arn\}\/\*$/)],
        Condition: {
          StringEquals: { 'AWS:SourceArn': `\${aws_cloudfront_distribution.${distributionId}.arn}` },
        },
      },
    ]);
  });
});

describe('the page address', () => {
  it('is the CloudFront domain, in the page_url output', () => {
    const [distributionId] = stack.resources('aws_cloudfront_distribution')[0]!;
    expect(stack.json.output?.page_url).toMatchObject({
      value: `https://\${aws_cloudfront_distribution.${distributionId}.domain_name}/`,
    });
    expect(distribution.viewer_certificate).toEqual({ cloudfront_default_certificate: true });
    expect(distribution.aliases).toBeUndefined();
  });

  it("is the club's own domain when aws.domainName and its us-east-1 certificate are configured", () => {
    const custom = synthesizeExample({
      config: parseConfig(
        { ...EXAMPLE_CONFIG, aws: { ...EXAMPLE_CONFIG.aws!, ...CUSTOM_DOMAIN } },
        'custom-domain-config',
      ),
    });
    const [, site] = custom.resources('aws_cloudfront_distribution')[0]!;
    expect(site.aliases).toEqual(['scores.cleckheatoncc.example']);
    expect(site.viewer_certificate).toEqual({
      acm_certificate_arn: CUSTOM_DOMAIN.certificateArn,
      ssl_support_method: 'sni-only',
      minimum_protocol_version: 'TLSv1.2_2021',
    });
    expect(custom.json.output?.page_url).toMatchObject({ value: 'https://scores.cleckheatoncc.example/' });
    expect(custom.json.output?.distribution_domain).toBeDefined();
  });

  it('refuses a domain without a certificate, or a certificate CloudFront cannot use', () => {
    const withAws = (aws: Attributes) => () =>
      parseConfig({ ...EXAMPLE_CONFIG, aws: { ...EXAMPLE_CONFIG.aws!, ...aws } }, 'config');
    expect(withAws({ domainName: CUSTOM_DOMAIN.domainName })).toThrow(
      /aws\.certificateArn: domainName and certificateArn go together/,
    );
    expect(
      withAws({
        ...CUSTOM_DOMAIN,
        certificateArn: CUSTOM_DOMAIN.certificateArn.replace('us-east-1', 'eu-west-2'),
      }),
    ).toThrow(/aws\.certificateArn: expected an ACM certificate ARN in us-east-1/);
  });
});
