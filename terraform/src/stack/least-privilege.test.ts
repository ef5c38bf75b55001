import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../manifest.ts';
import { type SynthesizedExample, synthesizeExample, TEST_SECRETS } from '../testing/example-stack.ts';
import type { PolicyStatement } from './policy.ts';
import { RESOURCE_WILDCARD_ACTIONS } from './policy.ts';

type Attributes = Record<string, unknown>;

let stack: SynthesizedExample;
beforeAll(() => {
  stack = synthesizeExample();
});

/** Every policy document in the stack: role policies and resource policies alike. */
function allStatements(): { owner: string; statement: PolicyStatement }[] {
  const types = [
    'aws_iam_role_policy',
    'aws_sqs_queue_policy',
    'aws_s3_bucket_policy',
    'aws_sns_topic_policy',
  ];
  return types.flatMap((type) =>
    stack.resources(type).flatMap(([id, p]) =>
      (JSON.parse(String(p.policy)) as { Statement: PolicyStatement[] }).Statement.map((statement) => ({
        owner: `${type}.${id}`,
        statement,
      })),
    ),
  );
}

/** The statements of the role a function runs as. */
function statementsOf(functionName: string): PolicyStatement[] {
  const [, fn] = stack
    .resources('aws_lambda_function')
    .find(([, f]) => f.function_name === `live-scores-cleckheaton-${functionName}`)!;
  const roleId = /aws_iam_role\.([^.]+)\./.exec(String(fn.role))?.[1];
  const [, policy] = stack
    .resources('aws_iam_role_policy')
    .find(([, p]) => String(p.role).includes(`.${roleId}.`))!;
  return (JSON.parse(String(policy.policy)) as { Statement: PolicyStatement[] }).Statement;
}

function actionsOf(functionName: string): string[] {
  return statementsOf(functionName)
    .flatMap((s) => s.Action)
    .sort();
}

describe('IAM', () => {
  it('never grants a wildcard action', () => {
    for (const { owner, statement } of allStatements()) {
      for (const action of statement.Action) {
        expect(action, owner).not.toBe('*');
        expect(action, owner).not.toMatch(/:\*$/);
      }
    }
  });

  it('scopes every resource, except for the allow-listed actions AWS offers no resource for', () => {
    for (const { owner, statement } of allStatements()) {
      if (statement.Resource.includes('*')) {
        for (const action of statement.Action)
          expect(RESOURCE_WILDCARD_ACTIONS, `${owner} ${action}`).toHaveProperty([action]);
      }
      for (const resource of statement.Resource.filter((r) => r !== '*')) {
        // A resource of this stack, or an ARN naming region and account with a typed path.
        expect(resource, owner).toMatch(
          // (CloudWatch Logs writes its typed path `log-group:<name>`.)
          /^(\$\{aws_|arn:aws:[a-z0-9-]+:eu-west-2:(\$\{data\.aws_caller_identity[^}]+\})?:([a-z-]+\/|log-group:\/))/,
        );
      }
    }
  });

  it('gives each function only the actions its job needs', () => {
    expect(actionsOf('parse-scorecard')).toEqual(
      [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'sqs:ReceiveMessage',
        'sqs:DeleteMessage',
        'sqs:ChangeMessageVisibility',
        'sqs:GetQueueAttributes',
        'sns:Publish',
        's3:GetObject',
      ].sort(),
    );
    expect(actionsOf('ws-connect')).toEqual(
      [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:BatchWriteItem',
      ].sort(),
    );
    expect(actionsOf('sweep-scrapers')).toEqual(
      ['logs:CreateLogStream', 'logs:PutLogEvents', 'ec2:DescribeInstances', 'ec2:TerminateInstances'].sort(),
    );
  });

  it('lets parse-scorecard read only the html/ prefix and publish only to the scorecard topic', () => {
    const statements = statementsOf('parse-scorecard');
    const read = statements.find((s) => s.Action.includes('s3:GetObject'));
    expect(read?.Resource).toEqual([
      expect.stringMatching(/^\$\{aws_s3_bucket\.storage_scorecards_bucket_\w+\.arn\}\/html\/\*$/),
    ]);
    const publish = statements.find((s) => s.Action.includes('sns:Publish'));
    expect(publish?.Resource).toEqual([
      expect.stringMatching(/^\$\{aws_sns_topic\.messaging_scorecard-topic_\w+\.arn\}$/),
    ]);
  });

  it('lets the match-object functions touch only match objects, and the APIs only read them', () => {
    const matchObjects = /^\$\{aws_s3_bucket\.storage_scorecards_bucket_\w+\.arn\}\/matches\/\*$/;
    for (const name of ['match-report', 'report-api', 'record-overs', 'overs-api']) {
      const s3 = statementsOf(name).filter((s) => s.Action.some((a) => a.startsWith('s3:')));
      for (const statement of s3)
        for (const r of [statement.Resource].flat()) expect(r).toMatch(matchObjects);
    }
    expect(actionsOf('match-report').filter((a) => a.startsWith('s3:'))).toEqual([
      's3:GetObject',
      's3:PutObject',
    ]);
    expect(actionsOf('report-api').filter((a) => a.startsWith('s3:'))).toEqual(['s3:GetObject']);
    expect(actionsOf('record-overs').filter((a) => a.startsWith('s3:'))).toEqual([
      's3:GetObject',
      's3:PutObject',
    ]);
    expect(actionsOf('overs-api').filter((a) => a.startsWith('s3:'))).toEqual(['s3:GetObject']);
  });

  it('lets send-push write its idempotency records and read and write its digest windows in the rules table, and no more', () => {
    const onRules = statementsOf('send-push').filter((s) =>
      s.Resource.some((r) => /aws_dynamodb_table\.storage_rules/.test(r)),
    );
    expect(onRules.flatMap((s) => s.Action).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
  });

  it('lets no function but those that handle secrets read a parameter', () => {
    const readers = FUNCTIONS.filter((spec) => actionsOf(spec.name).includes('ssm:GetParameter')).map(
      (s) => s.name,
    );
    expect(readers.sort()).toEqual(['match-report', 'send-push', 'subscriptions-api', 'update-cms']);
  });

  it('starts and tags scraper hosts only with the club Owner tag, and terminates only the club hosts', () => {
    const launch = statementsOf('launch-scraper');
    const runInstance = launch.find(
      (s) => s.Action.includes('ec2:RunInstances') && s.Resource.some((r) => r.endsWith(':instance/*')),
    );
    expect(runInstance?.Condition?.StringEquals).toEqual({ 'aws:RequestTag/Owner': 'cleckheaton' });
    const retag = launch.find(
      (s) => s.Action.includes('ec2:CreateTags') && s.Condition?.StringEquals?.['ec2:ResourceTag/Owner'],
    );
    expect(retag?.Condition).toEqual({
      StringEquals: { 'ec2:ResourceTag/Owner': 'cleckheaton' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['Matches'] },
    });
    const passRole = launch.find((s) => s.Action.includes('iam:PassRole'));
    expect(passRole?.Resource).toEqual([
      expect.stringMatching(/^\$\{aws_iam_role\.scraper-host_role_\w+\.arn\}$/),
    ]);

    const tagAtLaunch = launch.find((s) => s.Condition?.StringEquals?.['ec2:CreateAction']);
    expect(tagAtLaunch?.Condition?.['ForAllValues:StringEquals']?.['aws:TagKeys']).toEqual(
      expect.arrayContaining(['Owner', 'Role', 'Date', 'Matches', 'Name']),
    );

    for (const name of ['teardown-scraper', 'sweep-scrapers']) {
      const terminate = statementsOf(name).find((s) => s.Action.includes('ec2:TerminateInstances'));
      expect(terminate?.Condition?.StringEquals).toEqual({ 'ec2:ResourceTag/Owner': 'cleckheaton' });
    }
  });

  it('starts hosts only from the launch template, with its instance, image and security group unaltered', () => {
    const runs = statementsOf('launch-scraper').filter((s) => s.Action.includes('ec2:RunInstances'));
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run.Condition?.ArnEquals).toEqual({
        'ec2:LaunchTemplate': expect.stringMatching(
          /^\$\{aws_launch_template\.scraper-host_launch-template_\w+\.arn\}$/,
        ),
      });
    }
    const templated = runs.filter((s) => s.Condition?.Bool?.['ec2:IsLaunchTemplateResource'] === 'true');
    const resources = templated.flatMap((s) => s.Resource);
    expect(resources).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/:instance\/\*$/),
        expect.stringMatching(/::image\/\*$/),
        expect.stringMatching(/^\$\{aws_security_group\./),
      ]),
    );
  });

  it('lets only the fan-outs scan a table: subscriptions-api reads by key and cannot Scan', () => {
    const scanners = FUNCTIONS.filter((spec) => actionsOf(spec.name).includes('dynamodb:Scan')).map(
      (s) => s.name,
    );
    expect(scanners.sort()).toEqual(['broadcast', 'record-overs', 'send-push']);
    expect(actionsOf('subscriptions-api')).not.toContain('dynamodb:Scan');
  });

  it('lets the scraper host send to the html queue, store pages under html/ and read its own bundle', () => {
    const [, policy] = stack.resources('aws_iam_role_policy').find(([id]) => id.startsWith('scraper-host_'))!;
    const statements = (JSON.parse(String(policy.policy)) as { Statement: PolicyStatement[] }).Statement;
    const grants = statements.map((s) => [
      s.Action.join(','),
      s.Resource.map((r) => r.replace(/_[A-F0-9]{8}\./, '.')),
    ]);
    expect(grants).toContainEqual(['sqs:SendMessage', ['${aws_sqs_queue.messaging_html-queue.arn}']]);
    expect(grants).toContainEqual([
      's3:PutObject',
      ['${aws_s3_bucket.storage_scorecards_bucket.arn}/html/*'],
    ]);
    expect(grants).toContainEqual([
      's3:GetObject',
      ['${aws_s3_bucket.storage_artifacts_bucket.arn}/scraper/*'],
    ]);
    // Its matches come from its own tag in instance metadata: no table, no EC2 API.
    const actions = statements.flatMap((s) => s.Action);
    expect(actions.filter((a) => /^(dynamodb|ec2):/.test(a))).toEqual([]);
  });
});

describe('scraper host', () => {
  function launchTemplate(): Attributes {
    const [[, template]] = stack.resources('aws_launch_template') as [[string, Attributes]];
    return template;
  }

  /** The boot script inside `${base64encode("…")}`, with Terraform's references left in. */
  function userData(): string {
    const inner = /^\$\{base64encode\((".*")\)\}$/s.exec(String(launchTemplate().user_data))?.[1];
    if (!inner) throw new Error('user data is not a base64encode() of a string');
    return JSON.parse(inner) as string;
  }

  it('requires IMDSv2, exposes instance tags in metadata and terminates on shutdown', () => {
    expect(launchTemplate().metadata_options).toEqual({
      http_tokens: 'required',
      http_endpoint: 'enabled',
      http_put_response_hop_limit: 1,
      instance_metadata_tags: 'enabled',
    });
    expect(launchTemplate().instance_initiated_shutdown_behavior).toBe('terminate');
  });

  it('boots into the tag-watching supervisor, pointed at the stack html queue and bucket', () => {
    const env = userData()
      .split('\n')
      .map((l) => l.replace(/_[A-F0-9]{8}\./, '.'));
    expect(env).toEqual(
      expect.arrayContaining([
        'AWS_REGION=eu-west-2',
        'LEAGUE_BASE_URL=https://bradfordcl.play-cricket.com',
        'HTML_QUEUE_URL=${aws_sqs_queue.messaging_html-queue.url}',
        'HTML_BUCKET=${aws_s3_bucket.storage_scorecards_bucket.bucket}',
        'ExecStart=/opt/live-scores/supervise-scraper.sh',
      ]),
    );
  });

  it('checks the Chromium pack against the chromium_arm64_pack_sha256 variable before unpacking it', () => {
    expect(userData()).toContain(
      "echo '${var.chromium_arm64_pack_sha256}  /opt/live-scores/chromium-pack.tar' | sha256sum --check",
    );
    expect(userData()).not.toMatch(/curl[^\n]*\| *tar/);
    const variable = stack.json.variable?.chromium_arm64_pack_sha256 as {
      validation: { condition: string }[];
    };
    expect(variable.validation[0]?.condition).toContain('^[0-9a-f]{64}$');
  });

  it('boots the latest Amazon Linux 2023 arm64 image on a t4g.small, with no key pair', () => {
    expect(launchTemplate()).toMatchObject({
      image_id: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64',
      instance_type: 't4g.small',
    });
    expect(launchTemplate().key_name).toBeUndefined();
    expect(launchTemplate().instance_market_options).toBeUndefined();
  });

  it('tags what it launches Owner=<club slug>', () => {
    const specs = launchTemplate().tag_specifications as { resource_type: string; tags: Attributes }[];
    expect(specs.map((s) => [s.resource_type, s.tags.Owner])).toEqual([
      ['instance', 'cleckheaton'],
      ['volume', 'cleckheaton'],
    ]);
  });

  it('allows no inbound traffic in any security group', () => {
    const groups = stack.resources('aws_security_group');
    expect(groups.length).toBeGreaterThan(0);
    for (const [, group] of groups) expect(group.ingress ?? []).toEqual([]);
    expect(stack.resources('aws_security_group_rule').filter(([, r]) => r.type === 'ingress')).toEqual([]);
    expect(stack.resources('aws_vpc_security_group_ingress_rule')).toEqual([]);
  });
});

describe('secrets', () => {
  it('keeps secret values out of the Terraform JSON even when they are in the environment', () => {
    expect(stack.text).not.toContain(TEST_SECRETS.VAPID_PRIVATE_KEY);
    expect(stack.text).not.toContain(TEST_SECRETS.CMS_TOKEN);
  });

  it('creates no parameter: Terraform state holds the names, never a value', () => {
    expect(stack.resources('aws_ssm_parameter')).toEqual([]);
    expect(stack.json.data?.aws_ssm_parameter).toBeUndefined();
  });

  it('lets each reader get exactly its own parameter, by ARN', () => {
    const parameterArn = (name: string) =>
      `arn:aws:ssm:eu-west-2:\${data.aws_caller_identity.account.account_id}:parameter/live-scores/cleckheaton/${name}`;
    const reads = (fn: string) =>
      statementsOf(fn)
        .filter((s) => s.Action.includes('ssm:GetParameter'))
        .map((s) => [s.Action, s.Resource]);
    expect(reads('send-push')).toEqual([[['ssm:GetParameter'], [parameterArn('vapid-private-key')]]]);
    expect(reads('subscriptions-api')).toEqual([[['ssm:GetParameter'], [parameterArn('vapid-private-key')]]]);
    expect(reads('update-cms')).toEqual([[['ssm:GetParameter'], [parameterArn('cms-token')]]]);
  });

  it('puts no secret-looking variable into any function environment', () => {
    for (const [, fn] of stack.resources('aws_lambda_function')) {
      const names = Object.keys((fn.environment as { variables: Attributes }).variables);
      expect(names.filter((n) => /PRIVATE_KEY$|TOKEN$|SECRET/.test(n))).toEqual([]);
    }
  });
});
