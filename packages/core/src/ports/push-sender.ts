import type { PushPayload, Subscription } from '@live-scores/schema';

export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high';

/** One notification as the push service should carry it. */
export interface PushMessage {
  payload: PushPayload;
  /** Seconds the push service keeps it while the device is offline. */
  ttlSeconds: number;
  urgency: PushUrgency;
  /** A newer message with the same topic replaces an undelivered older one (≤ 32 base64url chars). */
  topic?: string;
}

/**
 * What the push service said:
 * - `delivered` (201/202),
 * - `gone` (404/410: the subscription no longer exists; delete it),
 * - `retry-after` (429/503 with the wait asked for),
 * - `failed-retryable` (other 5xx, timeouts, network errors),
 * - `rejected` (400/413 and other 4xx: this message will never be accepted; drop it).
 */
export type PushOutcome =
  | { kind: 'delivered' }
  | { kind: 'gone'; status: number }
  | { kind: 'retry-after'; status: number; retryAfterMs: number }
  | { kind: 'failed-retryable'; status?: number; reason: string }
  | { kind: 'rejected'; status: number; reason: string };

/** Encrypts and sends one push; never throws for a push service's answer. */
export interface PushSender {
  send(subscription: Subscription, message: PushMessage): Promise<PushOutcome>;
}
