import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3ClientResolvedConfig,
  S3ServiceException,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-s3';
import type { AwsStub } from 'aws-sdk-client-mock';

const notFound = () =>
  new S3ServiceException({ name: 'NoSuchKey', $fault: 'client', $metadata: { httpStatusCode: 404 } });

/** A bucket in memory that honours IfMatch / IfNoneMatch as S3 does. */
export class ConditionalBucket {
  objects = new Map<string, { body: string; etag: string; metadata: Record<string, string> }>();
  private version = 0;

  head(key: string | undefined) {
    const object = this.objects.get(key ?? '');
    if (!object) throw notFound();
    return { ETag: object.etag, Metadata: object.metadata };
  }

  get(key: string | undefined) {
    const object = this.objects.get(key ?? '');
    if (!object) throw notFound();
    // The part of the SDK's streaming body the adapters read.
    const body = { transformToString: async () => object.body };
    return { ETag: object.etag, Body: body as unknown as GetObjectCommandOutput['Body'] };
  }

  /** One page of keys under the prefix, in key order, as ListObjectsV2 returns them. */
  list(prefix: string | undefined) {
    const keys = [...this.objects.keys()].filter((key) => key.startsWith(prefix ?? '')).sort();
    return { Contents: keys.map((Key) => ({ Key })), IsTruncated: false };
  }

  put(input: {
    Key?: string;
    Body?: unknown;
    IfMatch?: string;
    IfNoneMatch?: string;
    Metadata?: Record<string, string>;
  }) {
    const current = this.objects.get(input.Key!);
    const failed = input.IfNoneMatch === '*' ? current !== undefined : input.IfMatch !== current?.etag;
    if (failed) {
      throw new S3ServiceException({
        name: 'PreconditionFailed',
        $fault: 'client',
        $metadata: { httpStatusCode: 412 },
      });
    }
    const etag = `"v${++this.version}"`;
    this.objects.set(input.Key!, { body: String(input.Body), etag, metadata: input.Metadata ?? {} });
    return { ETag: etag };
  }

  seqOf(key: string): number {
    return JSON.parse(this.objects.get(key)!.body).seq;
  }

  /** Answers the S3 client's commands from this bucket. */
  serve(s3: AwsStub<ServiceInputTypes, ServiceOutputTypes, S3ClientResolvedConfig>): void {
    s3.on(HeadObjectCommand).callsFake((input) => this.head(input.Key));
    s3.on(PutObjectCommand).callsFake((input) => this.put(input));
    s3.on(GetObjectCommand).callsFake((input) => this.get(input.Key));
    s3.on(ListObjectsV2Command).callsFake((input) => this.list(input.Prefix));
  }
}
