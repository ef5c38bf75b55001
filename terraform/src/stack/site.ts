import { CloudfrontCachePolicy } from '@cdktf/provider-aws/lib/cloudfront-cache-policy/index.js';
import {
  CloudfrontDistribution,
  type CloudfrontDistributionOrderedCacheBehavior,
} from '@cdktf/provider-aws/lib/cloudfront-distribution/index.js';
import { CloudfrontOriginAccessControl } from '@cdktf/provider-aws/lib/cloudfront-origin-access-control/index.js';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy/index.js';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object/index.js';
import {
  MATCH_OVERS_PATH,
  PAGE_PERMISSIONS_POLICY,
  pageContentSecurityPolicy,
  pageFileHeaders,
  SCORECARDS_PATH,
  SERVICE_WORKER_PATH,
} from '@live-scores/core';
import { JSON_CONTENT_SECURITY_POLICY, responseHeadersPolicy, viewerCertificate } from './edge-security.ts';
import { Construct } from 'constructs';
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResourceNames } from './names.ts';
import { allow } from './policy.ts';
import { PrivateBucket } from './private-bucket.ts';

/** The prefixes of the scorecard bucket the page may read through CloudFront; `html/` stays private. */
export const PUBLIC_READ_PREFIXES = ['scorecards/', 'matches/'] as const;

/** Seconds CloudFront may answer `/api/scorecards…` from its cache: the objects' own `max-age`. */
export const SCORECARDS_API_CACHE_SECONDS = { default: 5, max: 5 } as const;

/** AWS managed policies (ids are the same in every account). */
const MANAGED = {
  /** Honours each object's Cache-Control: `no-cache` pages, year-long icons, 5 s scorecards. */
  cachingOptimized: '658327ea-f89d-4fab-a63d-7e88639e58f6',
  cachingDisabled: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
  /** API Gateway answers only to its own Host; everything else the viewer sent goes through. */
  allViewerExceptHostHeader: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
} as const;

export interface CustomDomain {
  domainName: string;
  certificateArn: string;
}

export interface SiteProps {
  names: ResourceNames;
  /** `web/public`: every file of the page is uploaded with the headers the local server sends. */
  webDir: string;
  /** `/config.json`, made at deploy (it names the VAPID public key, a Terraform variable). */
  pageConfigJson: string;
  scorecardBucket: S3Bucket;
  /** The page's HTTP API (`$default` stage). */
  httpApiDomain: string;
  /** The WebSocket API, whose stage is named like the page's socket path. */
  liveApiDomain: string;
  livePath: string;
  pageOrigins: readonly string[];
  customDomain?: CustomDomain;
}

/** Every file under `dir`, as URL paths (`/icons/icon-192.png`) the page serves. */
function pageFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map(
      (entry) => `/${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`,
    )
    .filter((urlPath) => pageFileHeaders(urlPath) !== undefined)
    .sort();
}

/**
 * The supporters' whole product behind one CloudFront domain: the page from a private web
 * bucket, its API from the HTTP API, the live socket from the WebSocket API, and the stored
 * scorecard objects, so the page, the API, the socket and the service worker share one
 * origin (no CORS for the club's own page; push needs the worker on the page's origin). Both
 * buckets stay private: CloudFront reads them with origin access control.
 */
export class Site extends Construct {
  readonly webBucket: S3Bucket;
  readonly distribution: CloudfrontDistribution;
  /** `https://<domain>/`: the address supporters open. */
  readonly pageUrl: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const { names } = props;
    this.webBucket = new PrivateBucket(this, 'web', { bucketPrefix: names.bucketPrefix('web') }).bucket;
    this.uploadPage(props);

    const accessControl = new CloudfrontOriginAccessControl(this, 'origin-access', {
      name: names.of('buckets'),
      originAccessControlOriginType: 's3',
      signingBehavior: 'always',
      signingProtocol: 'sigv4',
    });
    const apiOrigin = (originId: string, domainName: string) => ({
      originId,
      domainName,
      customOriginConfig: {
        httpPort: 80,
        httpsPort: 443,
        originProtocolPolicy: 'https-only',
        originSslProtocols: ['TLSv1.2'],
      },
    });

    const forwarded = (
      pathPattern: string,
      targetOriginId: string,
      extra: Partial<CloudfrontDistributionOrderedCacheBehavior> = {},
    ): CloudfrontDistributionOrderedCacheBehavior => ({
      pathPattern,
      targetOriginId,
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
      cachedMethods: ['GET', 'HEAD'],
      cachePolicyId: MANAGED.cachingDisabled,
      originRequestPolicyId: MANAGED.allViewerExceptHostHeader,
      responseHeadersPolicyId: apiHeaders.id,
      compress: true,
      ...extra,
    });
    const scorecardsApiCache = this.scorecardsApiCachePolicy(names);
    // Every answer carries HSTS, nosniff and a CSP: the page's own policy on its files (the
    // same the local server sends), and "nothing may load or frame this" on JSON.
    const pagePolicy = {
      names,
      contentSecurityPolicy: pageContentSecurityPolicy(props.pageOrigins),
      frameOption: 'none' as const,
    };
    const pageHeaders = responseHeadersPolicy(this, 'page-headers', {
      ...pagePolicy,
      purpose: 'page',
      customHeaders: { 'Permissions-Policy': PAGE_PERMISSIONS_POLICY },
    });
    const serviceWorker = responseHeadersPolicy(this, 'service-worker-headers', {
      ...pagePolicy,
      purpose: 'service-worker',
      customHeaders: {
        'Permissions-Policy': PAGE_PERMISSIONS_POLICY,
        // The service worker may control the whole origin.
        'Service-Worker-Allowed': pageFileHeaders(SERVICE_WORKER_PATH)!['service-worker-allowed']!,
      },
    });
    const apiHeaders = responseHeadersPolicy(this, 'api-headers', {
      names,
      purpose: 'api',
      contentSecurityPolicy: JSON_CONTENT_SECURITY_POLICY,
    });
    const objectHeaders = responseHeadersPolicy(this, 'scorecard-object-headers', {
      names,
      purpose: 'scorecards',
      contentSecurityPolicy: JSON_CONTENT_SECURITY_POLICY,
      corsOrigins: props.pageOrigins,
    });

    const custom = props.customDomain;
    this.distribution = new CloudfrontDistribution(this, 'distribution', {
      enabled: true,
      comment: `${names.prefix} supporters' page`,
      priceClass: 'PriceClass_100',
      httpVersion: 'http2and3',
      defaultRootObject: 'index.html',
      ...(custom ? { aliases: [custom.domainName] } : {}),
      origin: [
        {
          originId: 'web',
          domainName: this.webBucket.bucketRegionalDomainName,
          originAccessControlId: accessControl.id,
        },
        {
          originId: 'scorecards',
          domainName: props.scorecardBucket.bucketRegionalDomainName,
          originAccessControlId: accessControl.id,
        },
        apiOrigin('http-api', props.httpApiDomain),
        apiOrigin('live-api', props.liveApiDomain),
      ],
      // First match wins: the socket, the cached scorecards and overs routes, the rest of the
      // API, the service worker, the stored objects; anything else is a file of the page.
      orderedCacheBehavior: [
        // The upgrade is answered by API Gateway as it is: no headers are added to a 101.
        forwarded(props.livePath, 'live-api', {
          allowedMethods: ['GET', 'HEAD'],
          responseHeadersPolicyId: undefined,
        }),
        forwarded(SCORECARDS_PATH, 'http-api', { cachePolicyId: scorecardsApiCache.id }),
        forwarded(`${SCORECARDS_PATH}/*`, 'http-api', { cachePolicyId: scorecardsApiCache.id }),
        // A match's over history moves on every ball too: cached like the scorecards.
        forwarded(MATCH_OVERS_PATH.replace(/:[A-Za-z]+/g, '*'), 'http-api', {
          cachePolicyId: scorecardsApiCache.id,
        }),
        forwarded('/api/*', 'http-api', {
          allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
        }),
        {
          pathPattern: SERVICE_WORKER_PATH,
          targetOriginId: 'web',
          viewerProtocolPolicy: 'redirect-to-https',
          allowedMethods: ['GET', 'HEAD'],
          cachedMethods: ['GET', 'HEAD'],
          cachePolicyId: MANAGED.cachingOptimized,
          responseHeadersPolicyId: serviceWorker.id,
          compress: true,
        },
        ...PUBLIC_READ_PREFIXES.map(
          (prefix): CloudfrontDistributionOrderedCacheBehavior => ({
            pathPattern: `/${prefix}*`,
            targetOriginId: 'scorecards',
            viewerProtocolPolicy: 'redirect-to-https',
            allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
            cachedMethods: ['GET', 'HEAD'],
            cachePolicyId: MANAGED.cachingOptimized,
            compress: true,
            responseHeadersPolicyId: objectHeaders.id,
          }),
        ),
      ],
      defaultCacheBehavior: {
        targetOriginId: 'web',
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        cachePolicyId: MANAGED.cachingOptimized,
        responseHeadersPolicyId: pageHeaders.id,
        compress: true,
      },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate: viewerCertificate(custom?.certificateArn),
    });
    this.pageUrl = `https://${custom ? custom.domainName : this.distribution.domainName}/`;

    this.readThroughCloudFront('read-through-cloudfront', props.scorecardBucket, [
      ...PUBLIC_READ_PREFIXES.map((prefix) => `${props.scorecardBucket.arn}/${prefix}*`),
    ]);
    this.readThroughCloudFront('web-read-through-cloudfront', this.webBucket, [`${this.webBucket.arn}/*`]);
  }

  /** Each file with the Content-Type and Cache-Control the local server sends, and `/config.json`. */
  private uploadPage(props: SiteProps): void {
    for (const urlPath of pageFiles(props.webDir)) {
      const headers = pageFileHeaders(urlPath)!;
      new S3Object(this, `page${urlPath.replace(/[^A-Za-z0-9]+/g, '-')}`, {
        bucket: this.webBucket.id,
        key: urlPath.slice(1),
        contentBase64: readFileSync(path.join(props.webDir, urlPath)).toString('base64'),
        contentType: headers['content-type'],
        cacheControl: headers['cache-control'],
      });
    }
    const config = pageFileHeaders('/config.json')!;
    new S3Object(this, 'page-config', {
      bucket: this.webBucket.id,
      key: 'config.json',
      content: props.pageConfigJson,
      contentType: config['content-type'],
      cacheControl: config['cache-control'],
    });
  }

  /**
   * The scorecards routes change every ball: CloudFront answers repeats for a few seconds, so
   * a crowd opening the page costs one Lambda call per team per few seconds. The Origin header
   * is part of the key, because the CORS answer differs per embedding site.
   */
  private scorecardsApiCachePolicy(names: ResourceNames): CloudfrontCachePolicy {
    return new CloudfrontCachePolicy(this, 'scorecards-api-cache', {
      name: names.of('scorecards-api'),
      minTtl: 0,
      defaultTtl: SCORECARDS_API_CACHE_SECONDS.default,
      maxTtl: SCORECARDS_API_CACHE_SECONDS.max,
      parametersInCacheKeyAndForwardedToOrigin: {
        cookiesConfig: { cookieBehavior: 'none' },
        headersConfig: { headerBehavior: 'whitelist', headers: { items: ['Origin'] } },
        queryStringsConfig: { queryStringBehavior: 'none' },
        enableAcceptEncodingBrotli: true,
        enableAcceptEncodingGzip: true,
      },
    });
  }

  /** Only this distribution may read, and only these objects. */
  private readThroughCloudFront(id: string, bucket: S3Bucket, resources: string[]): void {
    new S3BucketPolicy(this, id, {
      bucket: bucket.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            ...allow(['s3:GetObject'], resources, {
              StringEquals: { 'AWS:SourceArn': this.distribution.arn },
            }),
            Principal: { Service: 'cloudfront.amazonaws.com' },
          },
        ],
      }),
    });
  }
}
