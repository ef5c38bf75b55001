import { describe, expect, it } from 'vitest';
import { createVapidAuthorizer, generateVapidKeys } from './vapid-authorizer.ts';

const vapid = { subject: 'mailto:scores@club.example', ...generateVapidKeys() };

function claimsOf(header: string): { aud: string; exp: number; sub: string } {
  const token = /t=([^,]+)/.exec(header)?.[1] ?? '';
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
}

describe('the VAPID authorizer', () => {
  it('signs once per push-service origin and reuses the token', () => {
    const authorizer = createVapidAuthorizer(vapid, { now: () => 1_750_000_000_000 });
    const fcm = authorizer.authorization('https://fcm.googleapis.com');
    expect(authorizer.authorization('https://fcm.googleapis.com')).toBe(fcm);
    const mozilla = authorizer.authorization('https://updates.push.services.mozilla.com');
    expect(mozilla).not.toBe(fcm);
    expect(authorizer.signed).toBe(2);
    expect(claimsOf(fcm)).toEqual({
      aud: 'https://fcm.googleapis.com',
      exp: 1_750_000_000 + 12 * 3600,
      sub: vapid.subject,
    });
    expect(fcm).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`));
  });

  it('signs a fresh token when the old one is within the refresh margin of expiry', () => {
    let t = 1_750_000_000_000;
    const authorizer = createVapidAuthorizer(vapid, {
      now: () => t,
      lifetimeSeconds: 12 * 3600,
      refreshBeforeSeconds: 3600,
    });
    const first = authorizer.authorization('https://fcm.googleapis.com');
    t += 10 * 3600 * 1000;
    expect(authorizer.authorization('https://fcm.googleapis.com')).toBe(first);
    t += 1.5 * 3600 * 1000;
    expect(authorizer.authorization('https://fcm.googleapis.com')).not.toBe(first);
    expect(authorizer.signed).toBe(2);
  });
});
