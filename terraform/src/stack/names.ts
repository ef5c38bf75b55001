/**
 * Names of the club's AWS resources. Everything carries the club slug, so two clubs can
 * share an account and every IAM condition on `Owner=<slug>` means one club.
 */
export class ResourceNames {
  readonly prefix: string;

  constructor(readonly clubSlug: string) {
    this.prefix = `live-scores-${clubSlug}`;
  }

  /** `live-scores-<slug>-<suffix>`; Lambda and IAM role names stay within their 64-character limit. */
  of(suffix: string): string {
    const name = `${this.prefix}-${suffix}`;
    if (name.length > 64) throw new Error(`resource name "${name}" is longer than 64 characters`);
    return name;
  }

  /** S3 bucket prefixes allow 37 characters; Terraform appends a unique suffix. */
  bucketPrefix(purpose: string): string {
    return `${this.clubSlug.slice(0, 36 - purpose.length - 2)}-${purpose}-`;
  }

  /** PascalCase-free CloudWatch namespace for the club's custom metrics. */
  get metricNamespace(): string {
    return `LiveScores/${this.clubSlug}`;
  }
}
