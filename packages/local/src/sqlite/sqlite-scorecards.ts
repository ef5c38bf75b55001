import { normalize } from 'node:path';
import type { ScorecardStore } from '@live-scores/core';
import { compareScorecards, Scorecard } from '@live-scores/schema';
import type { LocalDatabase } from './database.ts';

/** Scorecards by object key (`scorecards/<date>/<team>.json`, `matches/<id>.json`); compare-and-write is one write. */
export function createSqliteScorecardStore(db: LocalDatabase): ScorecardStore {
  const bodyOf = db.sql.prepare('SELECT body FROM scorecards WHERE key = ?').pluck();
  const put = db.sql.prepare(
    'INSERT INTO scorecards (key, body) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET body = excluded.body',
  );
  // '/' sorts just before '0': the range holds exactly the keys under the day's prefix.
  const day = db.sql.prepare('SELECT body FROM scorecards WHERE key > ? AND key < ? ORDER BY key').pluck();
  const checked = (key: string): string => {
    const relative = normalize(key);
    if (relative !== key || relative.startsWith('..') || relative.startsWith('/') || !key.endsWith('.json'))
      throw new Error(`not a scorecard key: ${key}`);
    return key;
  };
  const read = (key: string): Scorecard | undefined => {
    const body = bodyOf.get(checked(key)) as string | undefined;
    return body === undefined ? undefined : Scorecard.parse(JSON.parse(body));
  };
  return {
    get: async (key) => read(key),
    putIfNewer: (key, scorecard) =>
      db.write(() => {
        const stored = read(key);
        if (stored && compareScorecards(scorecard, stored) <= 0) return 'stale' as const;
        put.run(key, JSON.stringify(scorecard));
        return 'written' as const;
      }),
    listDay: async (date) =>
      (day.all(`scorecards/${date}/`, `scorecards/${date}0`) as string[]).map((b) =>
        Scorecard.parse(JSON.parse(b)),
      ),
  };
}
