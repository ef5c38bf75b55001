import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { DataAwsVpc } from '@cdktf/provider-aws/lib/data-aws-vpc/index.js';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile/index.js';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template/index.js';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import type { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { AssetType, Fn, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { leastPrivilegeRole } from './role.ts';
import { AMI_PARAMETER } from './access.ts';
import type { ResourceNames } from './names.ts';
import { allow, RESOURCE_WILDCARD_ACTIONS } from './policy.ts';
import { scraperUserData } from './user-data.ts';

export const SCRAPER_LOG_RETENTION_DAYS = 14;

export interface ScraperHostProps {
  names: ResourceNames;
  region: string;
  instanceType: string;
  spot: boolean;
  /** `dist/scraper`, holding `index.mjs`. */
  bundleDir: string;
  artifactsBucket: S3Bucket;
  htmlQueue: SqsQueue;
  scorecardBucket: S3Bucket;
  /** The league site the host's match URLs are built on. */
  leagueBaseUrl: string;
  /** SHA-256 the host checks the arm64 Chromium pack against before unpacking it. */
  chromiumPackSha256: string;
  /** The club's `scraper` settings as scrape flags, passed to every scraper the host runs. */
  scraperSettings: readonly string[];
}

/**
 * The launch template launch-scraper starts the club day's scraper host from: Amazon Linux
 * 2023 on Graviton, IMDSv2 only with instance tags readable from metadata (the supervisor
 * takes its matches from the `Matches` tag), no key pair and no inbound rule (Session
 * Manager is the way in), tagged `Owner=<slug>`, terminating on shutdown. Its user data
 * knows the queue, bucket and region; its instance role can send to the html queue, store
 * large pages under `html/`, read its bundle and write its own log group; nothing else.
 */
export class ScraperHost extends Construct {
  readonly launchTemplate: LaunchTemplate;
  readonly securityGroup: SecurityGroup;
  readonly instanceRole: IamRole;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: ScraperHostProps) {
    super(scope, id);
    const { names } = props;
    const slug = names.clubSlug;

    const scraperLogGroupName = `/live-scores/${slug}/scraper`;
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: scraperLogGroupName,
      retentionInDays: SCRAPER_LOG_RETENTION_DAYS,
    });

    const bundle = new TerraformAsset(this, 'bundle', { path: props.bundleDir, type: AssetType.ARCHIVE });
    const bundleObject = new S3Object(this, 'bundle-object', {
      bucket: props.artifactsBucket.id,
      key: `scraper/${bundle.assetHash}.zip`,
      source: bundle.path,
    });

    const vpc = new DataAwsVpc(this, 'default-vpc', { default: true });
    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: names.of('scraper'),
      description: 'Scraper hosts: outbound only (league site, AWS APIs); no inbound at all',
      vpcId: vpc.id,
      egress: [
        { protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] },
      ],
      revokeRulesOnDelete: true,
    });

    this.instanceRole = leastPrivilegeRole(this, {
      name: names.of('scraper-host'),
      service: 'ec2.amazonaws.com',
      statements: [
        allow(['sqs:SendMessage'], [props.htmlQueue.arn]),
        allow(['s3:PutObject'], [`${props.scorecardBucket.arn}/html/*`]),
        allow(['s3:GetObject'], [`${props.artifactsBucket.arn}/scraper/*`]),
        allow(
          ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          [this.logGroup.arn, `${this.logGroup.arn}:*`],
        ),
        allow(
          Object.keys(RESOURCE_WILDCARD_ACTIONS).filter((a) => a.startsWith('ssm')),
          ['*'],
        ),
      ],
    });
    const profile = new IamInstanceProfile(this, 'profile', {
      name: names.of('scraper-host'),
      role: this.instanceRole.name,
    });

    const ownerTags = { Owner: slug, Name: names.of('scraper'), Application: 'live-scores' };
    this.launchTemplate = new LaunchTemplate(this, 'launch-template', {
      name: names.of('scraper'),
      description: 'Scraper host for one club day of live scores',
      imageId: `resolve:ssm:${AMI_PARAMETER}`,
      instanceType: props.instanceType,
      iamInstanceProfile: { arn: profile.arn },
      vpcSecurityGroupIds: [this.securityGroup.id],
      instanceInitiatedShutdownBehavior: 'terminate',
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: 1,
        // The supervisor reads the host's matches from its own tags, without IAM.
        instanceMetadataTags: 'enabled',
      },
      monitoring: { enabled: false },
      ...(props.spot
        ? {
            instanceMarketOptions: {
              marketType: 'spot',
              spotOptions: { spotInstanceType: 'one-time', instanceInterruptionBehavior: 'terminate' },
            },
          }
        : {}),
      tagSpecifications: [
        { resourceType: 'instance', tags: ownerTags },
        { resourceType: 'volume', tags: ownerTags },
      ],
      updateDefaultVersion: true,
      userData: Fn.base64encode(
        scraperUserData({
          region: props.region,
          bundleBucket: props.artifactsBucket.bucket,
          bundleKey: bundleObject.key,
          logGroupName: scraperLogGroupName,
          leagueBaseUrl: props.leagueBaseUrl,
          htmlQueueUrl: props.htmlQueue.url,
          htmlBucket: props.scorecardBucket.bucket,
          chromiumPackSha256: props.chromiumPackSha256,
          scraperSettings: props.scraperSettings,
        }),
      ),
    });
  }
}
