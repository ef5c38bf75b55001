import { HOST_LAUNCH_TAG_KEYS, HOST_RETAG_KEYS } from '@live-scores/aws/scraper-host';
import type { QueueName, ResourceAccess, SecretName, TableName } from '../manifest.ts';
import { allow, type PolicyStatement } from './policy.ts';

/** The public parameter the scraper's launch template resolves its AMI from. */
export const AMI_PARAMETER = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64';

/** Where each manifest resource lives, for turning access entries into IAM statements. */
export interface AccessTargets {
  region: string;
  accountId: string;
  clubSlug: string;
  queueArn(name: QueueName): string;
  scorecardTopicArn: string;
  scorecardBucketArn: string;
  tableArn(name: TableName): string;
  fixturesStreamArn: string;
  fixturesStreamFailuresArn: string;
  parameterArn(name: SecretName): string;
  /** `<execution arn>/<stage>/POST/@connections/*` of the WebSocket API. */
  liveConnectionsArn: string;
  launchTemplateArn: string;
  scraperSecurityGroupArn: string;
  scraperInstanceRoleArn: string;
}

const ownedByClub = (slug: string, key: 'aws:RequestTag/Owner' | 'ec2:ResourceTag/Owner') => ({
  StringEquals: { [key]: slug },
});

function ec2Arn(t: AccessTargets, resource: string): string {
  return `arn:aws:ec2:${t.region}:${t.accountId}:${resource}`;
}

/** The launch template's own tags (`scraper-host.ts`), applied when a host is created. */
export const TEMPLATE_TAG_KEYS = ['Owner', 'Name', 'Application'] as const;

/**
 * Starting a scraper host: only from the club's launch template, with the instance, its
 * image and its security group exactly as the template has them
 * (`ec2:IsLaunchTemplateResource`: a caller cannot override the user data, the AMI or the
 * network access), only tagged `Owner=<slug>` at creation, only with the fleet's tag
 * keys, passing only the scraper's instance role.
 */
function launchStatements(t: AccessTargets): PolicyStatement[] {
  const fromTemplate = { ArnEquals: { 'ec2:LaunchTemplate': t.launchTemplateArn } };
  const asTemplated = { ...fromTemplate, Bool: { 'ec2:IsLaunchTemplateResource': 'true' } };
  return [
    allow(['ec2:RunInstances'], [ec2Arn(t, 'instance/*')], {
      ...ownedByClub(t.clubSlug, 'aws:RequestTag/Owner'),
      ...asTemplated,
    }),
    allow(['ec2:RunInstances'], [t.scraperSecurityGroupArn, `arn:aws:ec2:${t.region}::image/*`], asTemplated),
    // The root volume takes its tags from the launch template, which the request may not
    // repeat: it is bound to the template instead of to a request tag. The subnet and the
    // network interface are the default VPC's, which the template does not name.
    allow(
      ['ec2:RunInstances'],
      [ec2Arn(t, 'volume/*'), t.launchTemplateArn, ec2Arn(t, 'subnet/*'), ec2Arn(t, 'network-interface/*')],
      fromTemplate,
    ),
    allow(['ec2:CreateTags'], [ec2Arn(t, 'instance/*'), ec2Arn(t, 'volume/*')], {
      StringEquals: { 'ec2:CreateAction': 'RunInstances', 'aws:RequestTag/Owner': t.clubSlug },
      'ForAllValues:StringEquals': {
        'aws:TagKeys': [...new Set([...HOST_LAUNCH_TAG_KEYS, ...TEMPLATE_TAG_KEYS])],
      },
    }),
    allow(['iam:PassRole'], [t.scraperInstanceRoleArn], {
      StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' },
    }),
    // The launch template names its AMI as `resolve:ssm:<public parameter>`.
    allow(['ssm:GetParameters'], [`arn:aws:ssm:${t.region}::parameter${AMI_PARAMETER}`]),
  ];
}

function statementFor(use: ResourceAccess, t: AccessTargets): PolicyStatement[] {
  switch (use.resource) {
    case 'scorecardTopic':
      return [allow(['sns:Publish'], [t.scorecardTopicArn])];
    case 'scorecardBucket': {
      const objects = `${t.scorecardBucketArn}/${use.prefix}*`;
      if (use.access === 'read') return [allow(['s3:GetObject'], [objects])];
      if (use.access === 'write') return [allow(['s3:PutObject'], [objects])];
      return [
        allow(['s3:ListBucket'], [t.scorecardBucketArn], { StringLike: { 's3:prefix': `${use.prefix}*` } }),
      ];
    }
    case 'fixturesTable':
    case 'connectionsTable':
    case 'subscriptionsTable':
    case 'rulesTable': {
      const table = t.tableArn(use.resource);
      if (use.access === 'scan') return [allow(['dynamodb:Scan'], [table])];
      return use.access === 'read'
        ? [allow(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'], [table])]
        : [
            allow(
              ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
              [table],
            ),
          ];
    }
    case 'fixturesStream':
      return [
        allow(
          ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
          [t.fixturesStreamArn],
        ),
        allow(['dynamodb:ListStreams'], [`${t.tableArn('fixturesTable')}/stream/*`]),
        // Records that keep failing go to the stream's on-failure queue, sent with this role.
        allow(['sqs:SendMessage'], [t.fixturesStreamFailuresArn]),
      ];
    case 'vapidPrivateKey':
    case 'cmsToken':
    case 'llmApiKey':
      // SecureStrings use the AWS managed key aws/ssm, whose key policy lets SSM decrypt for
      // the account's principals: no kms statement is needed.
      return [allow(['ssm:GetParameter'], [t.parameterArn(use.resource)])];
    case 'liveConnections':
      return [allow(['execute-api:ManageConnections'], [t.liveConnectionsArn])];
    case 'scraperHosts':
      switch (use.access) {
        case 'launch':
          return launchStatements(t);
        case 'tag':
          // Only the Matches tag of a club host: Owner, Role and Date cannot be rewritten.
          return [
            allow(['ec2:CreateTags'], [ec2Arn(t, 'instance/*')], {
              ...ownedByClub(t.clubSlug, 'ec2:ResourceTag/Owner'),
              'ForAllValues:StringEquals': { 'aws:TagKeys': [...HOST_RETAG_KEYS] },
            }),
          ];
        case 'terminate':
          return [
            allow(
              ['ec2:TerminateInstances'],
              [ec2Arn(t, 'instance/*')],
              ownedByClub(t.clubSlug, 'ec2:ResourceTag/Owner'),
            ),
          ];
        case 'describe':
          return [allow(['ec2:DescribeInstances'], ['*'])];
      }
      break;
    default: {
      // Every remaining resource is a queue.
      const queue = t.queueArn(use.resource);
      return use.access === 'send'
        ? [allow(['sqs:SendMessage'], [queue])]
        : [
            allow(
              [
                'sqs:ReceiveMessage',
                'sqs:DeleteMessage',
                'sqs:ChangeMessageVisibility',
                'sqs:GetQueueAttributes',
              ],
              [queue],
            ),
          ];
    }
  }
  return [];
}

/** The IAM statements a manifest entry's `uses` list grants, and nothing more. */
export function accessStatements(uses: readonly ResourceAccess[], targets: AccessTargets): PolicyStatement[] {
  return uses.flatMap((use) => statementFor(use, targets));
}
