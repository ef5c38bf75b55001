import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution/index.js';
import { CloudfrontOriginAccessControl } from '@cdktf/provider-aws/lib/cloudfront-origin-access-control/index.js';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy/index.js';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { Construct } from 'constructs';
import type { TableName } from '../manifest.ts';
import { JSON_CONTENT_SECURITY_POLICY, responseHeadersPolicy, viewerCertificate } from './edge-security.ts';
import type { ResourceNames } from './names.ts';
import { allow } from './policy.ts';
import { PrivateBucket } from './private-bucket.ts';

/** The attribute every table expires items by (epoch seconds). Adapters must write it. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** The prefixes the page may read through CloudFront; `html/` (raw pages) stays private. */
export const PUBLIC_READ_PREFIXES = ['scorecards/', 'matches/'] as const;

/** Raw pages too large for a queue message live here only until they are parsed. */
const HTML_EXPIRY_DAYS = 2;

/** AWS managed cache policy "CachingOptimized": honours the short Cache-Control store-scorecard sets. */
const CACHING_OPTIMIZED_POLICY_ID = '658327ea-f89d-4fab-a63d-7e88639e58f6';

interface TableKey {
  hashKey: string;
  rangeKey?: string;
}

/**
 * Key schemas, as the DynamoDB adapters in packages/aws use them. fixtures: `pk` = match
 * day, `sk` = matchId (Query by day); connections: one item per `connectionId`;
 * subscriptions: `id` derived from the endpoint; rules: `pk` = `state#<matchId>` or the
 * recorded event id.
 */
export const TABLE_KEYS: Record<TableName, TableKey> = {
  fixturesTable: { hashKey: 'pk', rangeKey: 'sk' },
  connectionsTable: { hashKey: 'connectionId' },
  subscriptionsTable: { hashKey: 'id' },
  rulesTable: { hashKey: 'pk' },
};

export interface StorageProps {
  names: ResourceNames;
  pageOrigins: string[];
}

/** Scorecard objects and their read path, the artifacts bucket, and the DynamoDB tables. */
export class Storage extends Construct {
  readonly scorecardBucket: S3Bucket;
  /** Lambda bundles and the scraper bundle. */
  readonly artifactsBucket: S3Bucket;
  readonly distribution: CloudfrontDistribution;
  readonly tables = new Map<TableName, DynamodbTable>();

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const { names } = props;
    this.scorecardBucket = new PrivateBucket(this, 'scorecards', {
      bucketPrefix: names.bucketPrefix('scores'),
    }).bucket;
    this.artifactsBucket = new PrivateBucket(this, 'artifacts', {
      bucketPrefix: names.bucketPrefix('artifacts'),
    }).bucket;

    new S3BucketLifecycleConfiguration(this, 'scorecard-lifecycle', {
      bucket: this.scorecardBucket.id,
      rule: [
        {
          id: 'expire-large-pages',
          status: 'Enabled',
          filter: [{ prefix: 'html/' }],
          expiration: [{ days: HTML_EXPIRY_DAYS }],
        },
        {
          id: 'abort-incomplete-uploads',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
    });

    this.distribution = this.readPath(names, props.pageOrigins);
    for (const [name, key] of Object.entries(TABLE_KEYS) as [TableName, TableKey][]) {
      this.tables.set(name, this.table(names, name, key));
    }
  }

  /**
   * The page reads scorecards through CloudFront with origin access control rather than a
   * public bucket policy: the bucket keeps all four public-access-block switches on (a
   * public-read policy would need `block_public_policy = false`), the browser gets HTTPS
   * and caching in front of S3, and the policy grants CloudFront only the two public
   * prefixes, so raw pages under `html/` are never reachable.
   */
  private readPath(names: ResourceNames, pageOrigins: string[]): CloudfrontDistribution {
    const originId = 'scorecards';
    const accessControl = new CloudfrontOriginAccessControl(this, 'origin-access', {
      name: names.of('scorecards'),
      originAccessControlOriginType: 's3',
      signingBehavior: 'always',
      signingProtocol: 'sigv4',
    });
    const headers = responseHeadersPolicy(this, 'headers', {
      names,
      purpose: 'scorecards',
      contentSecurityPolicy: JSON_CONTENT_SECURITY_POLICY,
      corsOrigins: pageOrigins,
    });
    const distribution = new CloudfrontDistribution(this, 'distribution', {
      enabled: true,
      comment: `${names.prefix} scorecards`,
      priceClass: 'PriceClass_100',
      httpVersion: 'http2and3',
      origin: [
        {
          originId,
          domainName: this.scorecardBucket.bucketRegionalDomainName,
          originAccessControlId: accessControl.id,
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: originId,
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
        cachedMethods: ['GET', 'HEAD'],
        cachePolicyId: CACHING_OPTIMIZED_POLICY_ID,
        compress: true,
        responseHeadersPolicyId: headers.id,
      },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate: viewerCertificate(),
    });
    new S3BucketPolicy(this, 'read-through-cloudfront', {
      bucket: this.scorecardBucket.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            ...allow(
              ['s3:GetObject'],
              PUBLIC_READ_PREFIXES.map((prefix) => `${this.scorecardBucket.arn}/${prefix}*`),
              { StringEquals: { 'AWS:SourceArn': distribution.arn } },
            ),
            Principal: { Service: 'cloudfront.amazonaws.com' },
          },
        ],
      }),
    });
    return distribution;
  }

  private table(names: ResourceNames, name: TableName, key: TableKey): DynamodbTable {
    const base = name.replace(/Table$/, '');
    const attributes = [{ name: key.hashKey, type: 'S' }];
    if (key.rangeKey) attributes.push({ name: key.rangeKey, type: 'S' });
    return new DynamodbTable(this, `${base}-table`, {
      name: names.of(base),
      billingMode: 'PAY_PER_REQUEST',
      hashKey: key.hashKey,
      ...(key.rangeKey ? { rangeKey: key.rangeKey } : {}),
      attribute: attributes,
      ttl: { enabled: true, attributeName: TTL_ATTRIBUTE },
      // launch-scraper reacts to new fixtures; the new image is all it reads.
      ...(name === 'fixturesTable' ? { streamEnabled: true, streamViewType: 'NEW_IMAGE' } : {}),
      // Subscriptions are the one thing supporters gave us that cannot be rebuilt.
      ...(name === 'subscriptionsTable' ? { pointInTimeRecovery: { enabled: true } } : {}),
    });
  }
}
