import type { OverHistoryStore } from '@live-scores/core';
import { StoredOverHistory } from '@live-scores/schema';
import type { LocalDatabase } from './database.ts';
import { versionedRows } from './versioned-rows.ts';

/** Each match's over history, one row whose version a save must name to replace it. */
export function createSqliteOverHistoryStore(db: LocalDatabase): OverHistoryStore {
  const rows = versionedRows(db, { table: 'over_histories', column: 'body' });
  return {
    async load(matchId) {
      const row = rows.load(matchId);
      if (!row) return undefined;
      return { ...StoredOverHistory.parse(JSON.parse(row.json)), version: String(row.version) };
    },
    save: (stored, expectedVersion) =>
      rows.save(
        stored.history.matchId,
        JSON.stringify(StoredOverHistory.parse(stored)),
        // A version this store never handed out matches no row, so the save is refused.
        expectedVersion === undefined ? 0 : Number(expectedVersion),
      ),
  };
}
