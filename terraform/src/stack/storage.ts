import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { Construct } from 'constructs';
import type { TableName } from '../manifest.ts';
import type { ResourceNames } from './names.ts';
import { PrivateBucket } from './private-bucket.ts';

/** The attribute every table expires items by (epoch seconds). Adapters must write it. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Raw pages too large for a queue message live here only until they are parsed. */
const HTML_EXPIRY_DAYS = 2;

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
}

/** The scorecard bucket (read through the site's CloudFront), the artifacts bucket, and the DynamoDB tables. */
export class Storage extends Construct {
  readonly scorecardBucket: S3Bucket;
  /** Lambda bundles and the scraper bundle. */
  readonly artifactsBucket: S3Bucket;
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

    for (const [name, key] of Object.entries(TABLE_KEYS) as [TableName, TableKey][]) {
      this.tables.set(name, this.table(names, name, key));
    }
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
