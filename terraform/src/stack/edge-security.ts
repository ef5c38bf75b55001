import { CloudfrontResponseHeadersPolicy } from '@cdktf/provider-aws/lib/cloudfront-response-headers-policy/index.js';
import type { CloudfrontDistributionViewerCertificate } from '@cdktf/provider-aws/lib/cloudfront-distribution/index.js';
import type { Construct } from 'constructs';
import type { ResourceNames } from './names.ts';

/** One year, as browsers' preload lists expect; HTTPS is all the distribution serves. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

/** The security policy CloudFront negotiates with viewers when it serves a certificate of ours. */
export const MINIMUM_VIEWER_TLS = 'TLSv1.2_2021';

/**
 * The scorecard objects are JSON read with `fetch`: nothing in them may load, run or be
 * framed. A page origin (web hosting) passes a policy of its own.
 */
export const JSON_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export interface ResponseHeadersProps {
  names: ResourceNames;
  /** Suffix of the policy's name, e.g. `scorecards`. */
  purpose: string;
  contentSecurityPolicy: string;
  /** Page origins allowed to read with CORS; none means no CORS headers. */
  corsOrigins?: readonly string[];
  /**
   * `X-Frame-Options`: DENY by default. The page, which the club's sites may frame, passes
   * `none` and relies on its CSP's `frame-ancestors`, which can name them.
   */
  frameOption?: 'DENY' | 'SAMEORIGIN' | 'none';
  /** Headers of the page's own: `Permissions-Policy`, `Service-Worker-Allowed`. */
  customHeaders?: Record<string, string>;
}

/**
 * HSTS, CSP, `nosniff`, no framing and a strict referrer on every response, overriding
 * whatever the origin sent; CORS for the club's page origins when there are any. A
 * behaviour takes one policy, so CORS lives in the same one.
 */
export function responseHeadersPolicy(
  scope: Construct,
  id: string,
  props: ResponseHeadersProps,
): CloudfrontResponseHeadersPolicy {
  const origins = (props.corsOrigins ?? []).map((o) => new URL(o).origin);
  const frameOption = props.frameOption ?? 'DENY';
  const custom = Object.entries(props.customHeaders ?? {});
  return new CloudfrontResponseHeadersPolicy(scope, id, {
    name: props.names.of(`${props.purpose}-headers`),
    securityHeadersConfig: {
      strictTransportSecurity: {
        accessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS,
        includeSubdomains: false,
        preload: false,
        override: true,
      },
      contentSecurityPolicy: { contentSecurityPolicy: props.contentSecurityPolicy, override: true },
      contentTypeOptions: { override: true },
      ...(frameOption === 'none' ? {} : { frameOptions: { frameOption, override: true } }),
      referrerPolicy: { referrerPolicy: 'strict-origin-when-cross-origin', override: true },
    },
    ...(custom.length > 0
      ? {
          customHeadersConfig: {
            items: custom.map(([header, value]) => ({ header, value, override: true })),
          },
        }
      : {}),
    ...(origins.length > 0
      ? {
          corsConfig: {
            accessControlAllowCredentials: false,
            accessControlAllowHeaders: { items: ['*'] },
            accessControlAllowMethods: { items: ['GET', 'HEAD'] },
            accessControlAllowOrigins: { items: origins },
            originOverride: true,
          },
        }
      : {}),
  });
}

/**
 * With a certificate of the club's (ACM, us-east-1) viewers must speak TLS 1.2 or newer,
 * by SNI. Without one the distribution answers on its `*.cloudfront.net` name with
 * CloudFront's default certificate, whose security policy AWS fixes (it cannot be raised
 * to TLS 1.2 there); HTTPS is still the only way in (`redirect-to-https`).
 */
export function viewerCertificate(acmCertificateArn?: string): CloudfrontDistributionViewerCertificate {
  return acmCertificateArn
    ? { acmCertificateArn, sslSupportMethod: 'sni-only', minimumProtocolVersion: MINIMUM_VIEWER_TLS }
    : { cloudfrontDefaultCertificate: true };
}
