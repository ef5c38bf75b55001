import { createHash } from 'node:crypto';
import type { PushJob } from '@live-scores/schema';

/**
 * Which subscriptions a push job has been sent to, or was about to be sent to when its run
 * died. A job claims its subscriptions in one write before sending, and sends only to those
 * it claimed, so a job redelivered after a crash skips everyone the first run reached: at
 * most once per subscriber. The price: a subscription claimed by a run that died before its
 * send misses that one notification.
 */
export interface DeliveryClaims {
  /**
   * Claims each of `endpoints` for `deliveryKey` in one write, resolving once the claims are
   * durable; answers the endpoints this call claimed (those no earlier call had).
   */
  claim(deliveryKey: string, endpoints: readonly string[]): Promise<Set<string>>;
}

/**
 * A job's claims are its own: a retry is a new slice (the subscriptions that failed, which
 * were never reached), so the attempt is part of the key, and a fan-out re-run after a crash
 * names its slices as the first run did.
 */
export const deliveryKey = (job: Pick<PushJob, 'id' | 'attempt'>): string => `${job.id}@${job.attempt}`;

/** Bytes of an endpoint's digest: enough that two endpoints never share one, few enough to be cheap. */
export const ENDPOINT_DIGEST_BYTES = 12;

/**
 * What adapters keep of a claimed endpoint: a truncated SHA-256 rather than the endpoint
 * (a few hundred bytes, and a subscriber's address).
 */
export const endpointDigest = (endpoint: string): Buffer =>
  createHash('sha256').update(endpoint).digest().subarray(0, ENDPOINT_DIGEST_BYTES);
