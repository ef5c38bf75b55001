import type { Subscription, SubscriptionPreferences } from '@live-scores/schema';

/** A store at its configured capacity refuses new endpoints (existing ones may still change). */
export class SubscriptionsFullError extends Error {
  override name = 'SubscriptionsFullError';
  constructor(readonly max: number) {
    super(`the subscription store is full (${max} subscriptions)`);
  }
}

export interface SubscriptionPage {
  subscriptions: Subscription[];
  /** Opaque; absent on the last page. */
  cursor?: string;
}

/**
 * The push subscriptions, one per endpoint (the endpoint is the identity: a browser that
 * subscribes again replaces its entry). Writes are durable once resolved; paging is a
 * snapshot that may miss entries written during it.
 */
export interface SubscriptionStore {
  /**
   * Create or replace by endpoint; resolves `true` when it was new. A store with a capacity
   * rejects a new endpoint beyond it with `SubscriptionsFullError`.
   */
  put(subscription: Subscription): Promise<{ created: boolean }>;
  /** Replace the preferences of an existing entry; `false` when there is none. */
  updatePreferences(endpoint: string, preferences: SubscriptionPreferences | undefined): Promise<boolean>;
  /** Idempotent: deleting what is not there succeeds. */
  delete(endpoint: string): Promise<void>;
  /** Every subscription, a page at a time. */
  listPage(cursor?: string, limit?: number): Promise<SubscriptionPage>;
  /**
   * The subscriptions that may want this team: those naming it and those with no team
   * preference. Stores without an index may return everyone; callers filter again.
   */
  listPageForTeam(teamId: string, cursor?: string, limit?: number): Promise<SubscriptionPage>;
}
