import type { LocalDatabase } from './database.ts';

/** A table of JSON per match whose version each save moves on by one. */
type VersionedTable = { table: 'rules_state'; column: 'state' } | { table: 'over_histories'; column: 'body' };

/**
 * Optimistic concurrency on one row per match: a save names the version it replaces (0 for
 * none) and is refused as a `conflict` when that is not what is stored; the check and the
 * write are one step of the database's write lock.
 */
export function versionedRows(db: LocalDatabase, { table, column }: VersionedTable) {
  const load = db.sql.prepare(`SELECT ${column} AS json, version FROM ${table} WHERE match_id = ?`);
  const versionOf = db.sql.prepare(`SELECT version FROM ${table} WHERE match_id = ?`).pluck();
  const upsert = db.sql.prepare(
    `INSERT INTO ${table} (match_id, ${column}, version) VALUES (?, ?, ?)
     ON CONFLICT (match_id) DO UPDATE SET ${column} = excluded.${column}, version = excluded.version`,
  );
  return {
    load: (matchId: string) => load.get(matchId) as { json: string; version: number } | undefined,
    save: (matchId: string, json: string, expectedVersion: number) =>
      db.write(() => {
        if (((versionOf.get(matchId) as number | undefined) ?? 0) !== expectedVersion)
          return 'conflict' as const;
        upsert.run(matchId, json, expectedVersion + 1);
        return 'saved' as const;
      }),
  };
}
