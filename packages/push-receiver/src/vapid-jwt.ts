import { createPublicKey, verify } from 'node:crypto';

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

export type VapidCheck = { ok: true; claims: VapidClaims; publicKey: string } | { ok: false; reason: string };

const MAX_LIFETIME_SECONDS = 24 * 3600;

function decodeJson(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `vapid t=<jwt>, k=<key>` (RFC 8292 §3) → its parts. */
export function parseVapidAuthorization(
  header: string | undefined,
): { token: string; key: string } | undefined {
  const match = /^vapid\s+(.*)$/i.exec(header ?? '');
  if (!match) return undefined;
  const params = new Map(
    (match[1] ?? '').split(',').map((p) => {
      const [name, ...rest] = p.trim().split('=');
      return [name?.toLowerCase() ?? '', rest.join('=')] as const;
    }),
  );
  const token = params.get('t');
  const key = params.get('k');
  return token && key ? { token, key } : undefined;
}

/**
 * Verifies a VAPID JWT as a push service does (RFC 8292): ES256 over header.payload with the
 * `k=` public key, `aud` equal to the endpoint's origin, `exp` in the future and no more than
 * 24 hours ahead, and a `sub` contact.
 */
export function verifyVapidJwt(
  token: string,
  publicKey: string,
  audience: string,
  nowSeconds: number,
): VapidCheck {
  const [header, payload, signature] = token.split('.');
  const head = decodeJson(header);
  if (!head || head.alg !== 'ES256') return { ok: false, reason: 'JWT alg must be ES256' };
  const claims = decodeJson(payload);
  if (!claims) return { ok: false, reason: 'JWT payload is not JSON' };

  const point = Buffer.from(publicKey, 'base64url');
  if (point.length !== 65 || point[0] !== 0x04) return { ok: false, reason: 'k= is not a P-256 public key' };
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = Buffer.from(`${header}.${payload}`);
  const valid = verify(
    'sha256',
    signed,
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature ?? '', 'base64url'),
  );
  if (!valid) return { ok: false, reason: 'JWT signature does not verify against k=' };

  if (claims.aud !== audience)
    return { ok: false, reason: `JWT aud ${String(claims.aud)} is not ${audience}` };
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return { ok: false, reason: 'JWT expired' };
  if (claims.exp > nowSeconds + MAX_LIFETIME_SECONDS)
    return { ok: false, reason: 'JWT exp more than 24 hours ahead' };
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub))
    return { ok: false, reason: 'JWT sub missing' };
  return { ok: true, claims: { aud: claims.aud, exp: claims.exp, sub: claims.sub }, publicKey };
}
