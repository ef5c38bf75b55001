import type { OverHistoryStore } from '@live-scores/core';
import { StoredOverHistory } from '@live-scores/schema';
import type { LocalDatabase } from './database.ts';

/**
 * Each match's over history, one row with a version: a save checks the version and writes in
 * one step, so of two saves from the same version one is refused.
 */
export function createSqliteOverHistoryStore(db: LocalDatabase): OverHistoryStore {
  const load = db.sql.prepare('SELECT body, version FROM over_histories WHERE match_id = ?');
  const versionOf = db.sql.prepare('SELECT version FROM over_histories WHERE match_id = ?').pluck();
  const upsert = db.sql.prepare(
    `INSERT INTO over_histories (match_id, body, version) VALUES (?, ?, ?)
     ON CONFLICT (match_id) DO UPDATE SET body = excluded.body, version = excluded.version`,
  );
  return {
    async load(matchId) {
      const row = load.get(matchId) as { body: string; version: number } | undefined;
      if (!row) return undefined;
      return { ...StoredOverHistory.parse(JSON.parse(row.body)), version: String(row.version) };
    },
    save: (stored, expectedVersion) =>
      db.write(() => {
        const matchId = stored.history.matchId;
        const current = versionOf.get(matchId) as number | undefined;
        if ((current === undefined ? undefined : String(current)) !== expectedVersion)
          return 'conflict' as const;
        upsert.run(matchId, JSON.stringify(StoredOverHistory.parse(stored)), (current ?? 0) + 1);
        return 'saved' as const;
      }),
  };
}
