import { z } from 'zod';
import { TeamId } from './ids.ts';
import { NotificationKind } from './notification.ts';

/** Decoded length of a base64url string, or -1 when it is not base64url. */
function base64UrlBytes(value: string): number {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(value)) return -1;
  const body = value.replace(/=+$/, '');
  if (body.length % 4 === 1) return -1;
  return Math.floor((body.length * 3) / 4);
}

/** An uncompressed P-256 public point: 65 bytes starting 0x04 (RFC 8291 §3.1). */
export const P256dhKey = z
  .string()
  .refine((v) => base64UrlBytes(v) === 65 && Buffer.from(v, 'base64url')[0] === 0x04, {
    error: 'expected keys.p256dh: base64url of a 65-byte uncompressed P-256 point',
  });

/** The 16-byte authentication secret (RFC 8291 §3.2). */
export const AuthSecret = z.string().refine((v) => base64UrlBytes(v) === 16, {
  error: 'expected keys.auth: base64url of 16 bytes',
});

/**
 * How often a supporter's phone buzzes: every event, the key moments (wickets, milestones,
 * results and match state, not the score every few overs or innings ends), or results only.
 */
export const SubscriptionMode = z.enum(['everything', 'key-moments', 'results-only']);
export type SubscriptionMode = z.infer<typeof SubscriptionMode>;

/** The kinds each mode lets through; `everything` lets all through. */
export const MODE_KINDS: Record<Exclude<SubscriptionMode, 'everything'>, readonly NotificationKind[]> = {
  'key-moments': [
    'wicket',
    'batting-milestone',
    'bowling-milestone',
    'result',
    'play-started',
    'innings-break',
    'abandoned',
  ],
  'results-only': ['result', 'abandoned'],
};

export const SubscriptionPreferences = z.object({
  teams: z.array(TeamId).max(20).optional(),
  kinds: z.array(NotificationKind).max(NotificationKind.options.length).optional(),
  /** Absent (every subscription stored before modes existed) reads as `everything`. */
  mode: SubscriptionMode.optional(),
});
export type SubscriptionPreferences = z.infer<typeof SubscriptionPreferences>;

/**
 * The browser's `PushSubscription.toJSON()` plus preferences (absent = everything).
 * The endpoint's host is checked against the push-service allow-list separately,
 * because the list is configuration.
 */
export const Subscription = z.object({
  endpoint: z.url().max(1024),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: P256dhKey, auth: AuthSecret }),
  preferences: SubscriptionPreferences.optional(),
});
export type Subscription = z.infer<typeof Subscription>;

/** A subscription's mode; one stored without a mode reads as `everything`. */
export function modeOf(preferences: SubscriptionPreferences | undefined): SubscriptionMode {
  return preferences?.mode ?? 'everything';
}

/** Whether a subscriber asked for this team and kind, within their mode. */
export function wantsNotification(
  preferences: SubscriptionPreferences | undefined,
  teamId: string,
  kind: NotificationKind,
): boolean {
  const teams = preferences?.teams;
  const kinds = preferences?.kinds;
  const mode = modeOf(preferences);
  return (
    (!teams || teams.includes(teamId)) &&
    (!kinds || kinds.includes(kind)) &&
    (mode === 'everything' || MODE_KINDS[mode].includes(kind))
  );
}

/** `PUT /api/subscriptions`: new preferences for an existing endpoint. */
export const PreferencesUpdate = z.object({
  endpoint: z.url().max(1024),
  preferences: SubscriptionPreferences.optional(),
});
export type PreferencesUpdate = z.infer<typeof PreferencesUpdate>;

/** `DELETE /api/subscriptions`: the endpoint to forget. */
export const UnsubscribeRequest = z.object({ endpoint: z.url().max(1024) });
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequest>;
