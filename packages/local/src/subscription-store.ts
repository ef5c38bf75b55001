import { SubscriptionsFullError, type SubscriptionPage, type SubscriptionStore } from '@live-scores/core';
import { Subscription } from '@live-scores/schema';
import { z } from 'zod';
import { createMemoryDocument, JsonFileStore, type JsonDocument } from './json-file-store.ts';

export const SubscriptionsFile = z.record(z.string(), Subscription);
type Subscriptions = z.infer<typeof SubscriptionsFile>;

function pageOf(all: Subscription[], cursor: string | undefined, limit: number): SubscriptionPage {
  const start = cursor ? Number(cursor) : 0;
  const end = start + limit;
  return { subscriptions: all.slice(start, end), ...(end < all.length ? { cursor: String(end) } : {}) };
}

export interface SubscriptionStoreOptions {
  /** New endpoints beyond this many are refused with `SubscriptionsFullError`. */
  maxSubscriptions?: number;
}

/** Subscriptions keyed by endpoint in one JSON document (memory or file). */
export function createSubscriptionStore(
  document: JsonDocument<Subscriptions>,
  options: SubscriptionStoreOptions = {},
): SubscriptionStore {
  const max = options.maxSubscriptions ?? Number.POSITIVE_INFINITY;
  return {
    put: (subscription) =>
      document.update((all) => {
        const created = !(subscription.endpoint in all);
        if (created && Object.keys(all).length >= max) throw new SubscriptionsFullError(max);
        return { value: { ...all, [subscription.endpoint]: subscription }, result: { created } };
      }),
    updatePreferences: (endpoint, preferences) =>
      document.update((all) => {
        const existing = all[endpoint];
        if (!existing) return { value: all, result: false };
        const { preferences: _old, ...rest } = existing;
        return { value: { ...all, [endpoint]: preferences ? { ...rest, preferences } : rest }, result: true };
      }),
    delete: (endpoint) =>
      document.update((all) => {
        if (!(endpoint in all)) return { value: all, result: undefined };
        const { [endpoint]: _gone, ...rest } = all;
        return { value: rest, result: undefined };
      }),
    listPage: async (cursor, limit = 1000) => pageOf(Object.values(await document.read()), cursor, limit),
    listPageForTeam: async (teamId, cursor, limit = 1000) => {
      const all = Object.values(await document.read());
      return pageOf(
        all.filter((s) => !s.preferences?.teams || s.preferences.teams.includes(teamId)),
        cursor,
        limit,
      );
    },
  };
}

export const createMemorySubscriptionStore = (options: SubscriptionStoreOptions = {}): SubscriptionStore =>
  createSubscriptionStore(createMemoryDocument({}), options);

/** `<dataDir>/subscriptions.json`, rewritten atomically on each change. */
export const createFileSubscriptionStore = (path: string): SubscriptionStore =>
  createSubscriptionStore(new JsonFileStore(path, SubscriptionsFile, () => ({})));
