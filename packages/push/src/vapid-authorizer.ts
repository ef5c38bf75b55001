import webpush from 'web-push';

export interface VapidDetails {
  /** `mailto:` or `https:` contact for the push services. */
  subject: string;
  publicKey: string;
  privateKey: string;
}

export interface VapidAuthorizerOptions {
  /** How long each signed JWT claims to be valid; push services refuse more than 24 h. */
  lifetimeSeconds?: number;
  /** A token this close to expiry is replaced before use. */
  refreshBeforeSeconds?: number;
  now?: () => number;
}

export interface VapidAuthorizer {
  /** The `Authorization` header for an endpoint origin, e.g. "https://fcm.googleapis.com". */
  authorization(audience: string): string;
  /** JWTs signed so far (for tests and benchmarks). */
  readonly signed: number;
}

/**
 * VAPID `Authorization` headers, one signed JWT per push-service origin reused until near
 * expiry. Signing per message (what `sendNotification` does) costs an ECDSA signature each
 * time and tells the push service nothing new.
 */
export function createVapidAuthorizer(
  vapid: VapidDetails,
  options: VapidAuthorizerOptions = {},
): VapidAuthorizer {
  const lifetime = options.lifetimeSeconds ?? 12 * 3600;
  const refreshBefore = options.refreshBeforeSeconds ?? 3600;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { header: string; exp: number }>();
  let signed = 0;

  return {
    authorization(audience) {
      const seconds = Math.floor(now() / 1000);
      const cached = cache.get(audience);
      if (cached && cached.exp - seconds > refreshBefore) return cached.header;
      const exp = seconds + lifetime;
      const headers = webpush.getVapidHeaders(
        audience,
        vapid.subject,
        vapid.publicKey,
        vapid.privateKey,
        'aes128gcm',
        exp,
      );
      signed++;
      cache.set(audience, { header: headers.Authorization, exp });
      return headers.Authorization;
    },
    get signed() {
      return signed;
    },
  };
}

/** A new VAPID key pair (base64url), for `live-scores vapid`. */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys();
}
