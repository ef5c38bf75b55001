import type { PolicyStatement } from '../stack/policy.ts';
import type { SynthesizedExample } from './example-stack.ts';

type Attributes = Record<string, unknown>;

/** `aws_sqs_queue.messaging_html-queue_1A2B3C4D`, `data.aws_caller_identity.account`, `var.x`. */
export type Address = string;

/** Every resource, data source or variable a Terraform string refers to (`${…}` expressions). */
export function referencesIn(value: string): Address[] {
  const found: Address[] = [];
  for (const [, expression] of value.matchAll(/\$\{([^}]*)\}/g)) {
    for (const [address] of (expression ?? '').matchAll(
      /(?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+|var\.[A-Za-z0-9_]+/g,
    )) {
      found.push(address);
    }
  }
  return found;
}

/** Whether the synthesized JSON declares what an address names. */
export function declares(stack: SynthesizedExample, address: Address): boolean {
  const [first, second, third] = address.split('.');
  if (first === 'var') return Boolean(second && stack.json.variable?.[second]);
  if (first === 'data') return Boolean(second && third && stack.json.data?.[second]?.[third]);
  return Boolean(first && second && stack.json.resource[first]?.[second]);
}

/** The address of the one resource a `${aws_x.name.attr}` value points at. */
export function addressOf(value: string): Address | undefined {
  const [address, ...more] = referencesIn(value);
  return more.length === 0 ? address : undefined;
}

export interface SynthesizedFunction {
  name: string;
  environment: Record<string, string>;
  statements: PolicyStatement[];
}

/** A Lambda function with its environment and the statements of its role's one policy. */
export function synthesizedFunction(stack: SynthesizedExample, name: string): SynthesizedFunction {
  const found = stack
    .resources('aws_lambda_function')
    .find(([, fn]) => String(fn.function_name).endsWith(`-${name}`));
  if (!found) throw new Error(`no function ${name}`);
  const [, fn] = found;
  const role = addressOf(String(fn.role));
  const policy = stack
    .resources('aws_iam_role_policy')
    .find(([, p]) => addressOf(String(p.role)) === role)?.[1];
  return {
    name,
    environment: (fn.environment as { variables?: Record<string, string> } | undefined)?.variables ?? {},
    statements: policy
      ? (JSON.parse(String(policy.policy)) as { Statement: PolicyStatement[] }).Statement
      : [],
  };
}

/** Whether some statement allows `action` on a resource of `address` (the resource, or a path under it). */
export function allowsOn(statements: PolicyStatement[], action: string, address: Address): boolean {
  return statements.some(
    (s) => s.Action.includes(action) && s.Resource.some((r) => referencesIn(r).includes(address)),
  );
}

/** What one environment variable reads: the project's own `requireEnv("X")` and `process.env.X`. */
export function environmentReads(bundle: string): { required: Set<string>; optional: Set<string> } {
  const required = new Set(
    [...bundle.matchAll(/requireEnv\(\s*["'`]([A-Z][A-Z0-9_]*)["'`]/g)].map((m) => m[1]!),
  );
  const optional = new Set(
    [...bundle.matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[\s*["'`]([A-Z][A-Z0-9_]*)["'`]\s*\])/g)].map(
      (m) => (m[1] ?? m[2])!,
    ),
  );
  return { required, optional };
}

/** CloudFront's path patterns: `*` any run of characters, `?` one; case-sensitive. */
function matchesPathPattern(pattern: string, path: string): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^/?${escaped.replace(/^\//, '')}$`).test(path);
}

/**
 * The origin a viewer path reaches on the stack's CloudFront distribution: the first
 * ordered behaviour whose pattern matches, else the default one; undefined when the
 * behaviour's target is not one of the distribution's origins.
 */
export function cloudFrontOriginFor(stack: SynthesizedExample, path: string): string | undefined {
  const [[, distribution]] = stack.resources('aws_cloudfront_distribution') as [[string, Attributes]];
  const ordered = (distribution.ordered_cache_behavior ?? []) as {
    path_pattern: string;
    target_origin_id: string;
  }[];
  const behaviour =
    ordered.find((b) => matchesPathPattern(b.path_pattern, path)) ??
    (distribution.default_cache_behavior as { target_origin_id: string });
  const origins = (distribution.origin as { origin_id: string }[]).map((o) => o.origin_id);
  return origins.includes(behaviour.target_origin_id) ? behaviour.target_origin_id : undefined;
}

/** Whether an API Gateway route with this key (`GET /api/x`, `$connect`, `sync`) exists. */
export function apiRouteExists(stack: SynthesizedExample, routeKey: string): boolean {
  return stack.resources('aws_apigatewayv2_route').some(([, route]) => route.route_key === routeKey);
}
