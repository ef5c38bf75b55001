import { SubscriptionsFullError, type SubscriptionPage, type SubscriptionStore } from '@live-scores/core';
import { Subscription } from '@live-scores/schema';
import type { LocalDatabase } from './database.ts';

/** Subscriptions with their row ids: push jobs on the local queue refer to these ids. */
export interface SqliteSubscriptionStore extends SubscriptionStore {
  /** Row ids of these endpoints (those still subscribed), in the order given. */
  idsOf(endpoints: readonly string[]): Map<string, number>;
  /** The subscriptions with these ids that still exist. */
  byIds(ids: readonly number[]): Subscription[];
  /** How many are stored. */
  count(): number;
}

export interface SqliteSubscriptionStoreOptions {
  /** New endpoints beyond this many are refused with `SubscriptionsFullError`. */
  maxSubscriptions?: number;
}

interface Row {
  id: number;
  body: string;
}

const parseBody = (body: string): Subscription => Subscription.parse(JSON.parse(body));

/**
 * One row per endpoint; a subscriber's chosen teams in their own indexed table, so a team's
 * audience is read without touching anyone else's row. Pages follow the row id (a keyset
 * cursor), so a page costs the same however deep into 10,000 subscribers it is.
 */
export function createSqliteSubscriptionStore(
  db: LocalDatabase,
  options: SqliteSubscriptionStoreOptions = {},
): SqliteSubscriptionStore {
  const { sql } = db;
  const max = options.maxSubscriptions ?? Number.POSITIVE_INFINITY;
  const countAll = sql.prepare('SELECT count(*) FROM subscriptions').pluck();
  const count = (): number => countAll.get() as number;
  const upsert = sql.prepare(
    `INSERT INTO subscriptions (endpoint, body, all_teams) VALUES (?, ?, ?)
     ON CONFLICT (endpoint) DO UPDATE SET body = excluded.body, all_teams = excluded.all_teams`,
  );
  const idOf = sql.prepare('SELECT id FROM subscriptions WHERE endpoint = ?').pluck();
  const clearTeams = sql.prepare('DELETE FROM subscription_teams WHERE subscription_id = ?');
  const addTeam = sql.prepare(
    'INSERT OR IGNORE INTO subscription_teams (team_id, subscription_id) VALUES (?, ?)',
  );
  const remove = sql.prepare('DELETE FROM subscriptions WHERE endpoint = ?');
  const bodyById = sql.prepare('SELECT body FROM subscriptions WHERE id = ?').pluck();
  const bodyOf = sql.prepare('SELECT body FROM subscriptions WHERE endpoint = ?').pluck();
  const page = sql.prepare('SELECT id, body FROM subscriptions WHERE id > ? ORDER BY id LIMIT ?');
  const teamPage = sql.prepare(
    `SELECT id, body FROM subscriptions WHERE id > @after AND (all_teams = 1 OR id IN
       (SELECT subscription_id FROM subscription_teams WHERE team_id = @teamId AND subscription_id > @after))
     ORDER BY id LIMIT @limit`,
  );

  function store(subscription: Subscription): boolean {
    const existed = idOf.get(subscription.endpoint) !== undefined;
    const teams = subscription.preferences?.teams;
    upsert.run(subscription.endpoint, JSON.stringify(subscription), teams ? 0 : 1);
    const id = idOf.get(subscription.endpoint) as number;
    clearTeams.run(id);
    for (const team of teams ?? []) addTeam.run(team, id);
    return !existed;
  }

  const pageOf = (rows: Row[], limit: number): SubscriptionPage => ({
    subscriptions: rows.map((r) => parseBody(r.body)),
    ...(rows.length === limit ? { cursor: String(rows.at(-1)!.id) } : {}),
  });
  const after = (cursor: string | undefined): number => (cursor ? Number(cursor) : 0);

  return {
    put: (subscription) =>
      db.write(() => {
        if (idOf.get(subscription.endpoint) === undefined && count() >= max)
          throw new SubscriptionsFullError(max);
        return { created: store(subscription) };
      }),
    count,
    updatePreferences: (endpoint, preferences) =>
      db.write(() => {
        const body = bodyOf.get(endpoint) as string | undefined;
        if (body === undefined) return false;
        const { preferences: _old, ...rest } = parseBody(body);
        store(preferences ? { ...rest, preferences } : rest);
        return true;
      }),
    delete: (endpoint) => db.write(() => void remove.run(endpoint)),
    listPage: async (cursor, limit = 1000) => pageOf(page.all(after(cursor), limit) as Row[], limit),
    listPageForTeam: async (teamId, cursor, limit = 1000) =>
      pageOf(teamPage.all({ after: after(cursor), teamId, limit }) as Row[], limit),
    idsOf(endpoints) {
      const ids = new Map<string, number>();
      for (const endpoint of endpoints) {
        const id = idOf.get(endpoint) as number | undefined;
        if (id !== undefined) ids.set(endpoint, id);
      }
      return ids;
    },
    byIds(ids) {
      const out: Subscription[] = [];
      for (const id of ids) {
        const body = bodyById.get(id) as string | undefined;
        if (body !== undefined) out.push(parseBody(body));
      }
      return out;
    },
  };
}
