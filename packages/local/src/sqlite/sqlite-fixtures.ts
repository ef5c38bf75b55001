import { FIXTURE_TTL_SECONDS, systemClock, type FixturesTable } from '@live-scores/core';
import { FixtureRecord } from '@live-scores/schema';
import type { LocalFixturesTableOptions } from '../file-fixtures-table.ts';
import type { LocalDatabase } from './database.ts';

const parseFixture = (body: string): FixtureRecord => FixtureRecord.parse(JSON.parse(body));

/**
 * The fixtures table keyed (date, match id) like the DynamoDB table. "Put if new" and
 * "complete if live" are each one write, so they are check-and-set like DynamoDB's
 * conditional writes. Fixtures expire 24 h after discovery.
 */
export function createSqliteFixturesTable(
  db: LocalDatabase,
  options: LocalFixturesTableOptions = {},
): FixturesTable {
  const clock = options.clock ?? systemClock;
  const cutoff = (): number => clock.now().getTime() - FIXTURE_TTL_SECONDS * 1000;
  const bodyOf = db.sql
    .prepare('SELECT body FROM fixtures WHERE date = ? AND match_id = ? AND discovered_at > ?')
    .pluck();
  const anyBodyOf = db.sql.prepare('SELECT body FROM fixtures WHERE date = ? AND match_id = ?').pluck();
  const dayOf = db.sql
    .prepare('SELECT body FROM fixtures WHERE date = ? AND discovered_at > ? ORDER BY match_id')
    .pluck();
  const expire = db.sql.prepare('DELETE FROM fixtures WHERE discovered_at <= ?');
  const insert = db.sql.prepare(
    'INSERT INTO fixtures (date, match_id, discovered_at, body) VALUES (?, ?, ?, ?)',
  );
  const update = db.sql.prepare('UPDATE fixtures SET body = ? WHERE date = ? AND match_id = ?');

  const day = async (date: string): Promise<FixtureRecord[]> =>
    (dayOf.all(date, cutoff()) as string[]).map(parseFixture);
  const current = (date: string, matchId: string): FixtureRecord | undefined => {
    const body = anyBodyOf.get(date, matchId) as string | undefined;
    return body === undefined ? undefined : parseFixture(body);
  };

  return {
    async putIfNew(fixture) {
      const created = await db.write(() => {
        expire.run(cutoff());
        if (bodyOf.get(fixture.date, fixture.matchId, cutoff()) !== undefined) return undefined;
        const now = clock.now();
        const record: FixtureRecord = {
          ...fixture,
          status: 'live',
          hostId: null,
          discoveredAt: now.toISOString(),
          completedAt: null,
        };
        insert.run(record.date, record.matchId, now.getTime(), JSON.stringify(record));
        return record;
      });
      if (created) options.onInsert?.(created);
      return created !== undefined;
    },
    async get(date, matchId) {
      const body = bodyOf.get(date, matchId, cutoff()) as string | undefined;
      return body === undefined ? undefined : parseFixture(body);
    },
    markComplete: (date, matchId, completedAt) =>
      db.write(() => {
        const record = current(date, matchId);
        if (!record) return undefined;
        if (record.status === 'complete') return { record, changed: false };
        const next: FixtureRecord = { ...record, status: 'complete', completedAt };
        update.run(JSON.stringify(next), date, matchId);
        return { record: next, changed: true };
      }),
    assignHost: (date, matchId, hostId) =>
      db.write(() => {
        const record = current(date, matchId);
        if (!record) throw new Error(`no fixture ${matchId} on ${date} to assign a host to`);
        update.run(JSON.stringify({ ...record, hostId }), date, matchId);
      }),
    listDay: day,
    listLive: async (date) => (await day(date)).filter((f) => f.status === 'live'),
  };
}
