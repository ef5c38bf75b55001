import { describe, expect, it } from 'vitest';
import { MINIMUM_VIEWER_TLS, viewerCertificate } from './edge-security.ts';

describe('the viewer certificate', () => {
  it('holds viewers to TLS 1.2 or newer, by SNI, when the distribution serves a certificate of the club', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
    expect(viewerCertificate(arn)).toEqual({
      acmCertificateArn: arn,
      sslSupportMethod: 'sni-only',
      minimumProtocolVersion: 'TLSv1.2_2021',
    });
    expect(MINIMUM_VIEWER_TLS).toMatch(/^TLSv1\.2_/);
  });

  it("uses CloudFront's own certificate when there is none", () => {
    expect(viewerCertificate()).toEqual({ cloudfrontDefaultCertificate: true });
  });
});
