import { randomUUID } from 'node:crypto';
import type {
  BroadcastWatermark,
  EventLog,
  IdempotencyStore,
  RulesStateStore,
  WatermarkMove,
} from '@live-scores/core';
import { RulesState } from '@live-scores/notify';
import { compareScorecards, isSameCapture, Scorecard } from '@live-scores/schema';
import type { EventLogOptions } from '../event-log.ts';
import type { IdempotencyStoreOptions } from '../idempotency-store.ts';
import type { LocalDatabase } from './database.ts';
import { versionedRows } from './versioned-rows.ts';

const THREE_DAYS_MS = 3 * 24 * 3600_000;

/** Each match's rules state with a version; a save against a stale version is a conflict. */
export function createSqliteRulesStateStore(db: LocalDatabase): RulesStateStore {
  const rows = versionedRows(db, { table: 'rules_state', column: 'state' });
  return {
    async load(matchId) {
      const row = rows.load(matchId);
      return row ? { state: RulesState.parse(JSON.parse(row.json)), version: row.version } : null;
    },
    save: (matchId, state, expectedVersion) => rows.save(matchId, JSON.stringify(state), expectedVersion),
  };
}

/** Ids of events already queued; recording is one conditional insert. Old ids are pruned as it goes. */
export function createSqliteEventLog(db: LocalDatabase, options: EventLogOptions = {}): EventLog {
  const retainMs = options.retainMs ?? THREE_DAYS_MS;
  const now = options.now ?? Date.now;
  const insert = db.sql.prepare('INSERT OR IGNORE INTO event_log (event_id, recorded_at) VALUES (?, ?)');
  const prune = db.sql.prepare('DELETE FROM event_log WHERE recorded_at <= ?');
  const remove = db.sql.prepare('DELETE FROM event_log WHERE event_id = ?');
  return {
    recordOnce: (eventId) =>
      db.write(() => {
        const at = now();
        const recorded = insert.run(eventId, at).changes === 1;
        if (recorded) prune.run(at - retainMs);
        return recorded;
      }),
    release: (eventIds) => db.write(() => void eventIds.forEach((id) => remove.run(id))),
  };
}

/** The local broadcast mark, which can also say what each match was last broadcast as. */
export interface SqliteBroadcastWatermark extends BroadcastWatermark {
  /** The scorecard the match was last broadcast as, when one was kept. */
  lastBroadcast(matchId: string): Scorecard | undefined;
}

/**
 * Each match's broadcast mark, moved forward only: compare and move are one write. The
 * scorecard behind the mark is stored with it, so a restart carries on with diffs, and a
 * page that connects is sent what the next diff will be built on.
 */
export function createSqliteBroadcastWatermark(db: LocalDatabase): SqliteBroadcastWatermark {
  const markOf = db.sql.prepare(
    'SELECT captured_at AS capturedAt, seq FROM broadcast_watermarks WHERE match_id = ?',
  );
  const upsert = db.sql.prepare(
    `INSERT INTO broadcast_watermarks (match_id, captured_at, seq) VALUES (?, ?, ?)
     ON CONFLICT (match_id) DO UPDATE SET captured_at = excluded.captured_at, seq = excluded.seq`,
  );
  const baseOf = db.sql.prepare('SELECT body FROM broadcast_scorecards WHERE match_id = ?').pluck();
  const keepBase = db.sql.prepare(
    `INSERT INTO broadcast_scorecards (match_id, body) VALUES (?, ?)
     ON CONFLICT (match_id) DO UPDATE SET body = excluded.body`,
  );
  const dropBase = db.sql.prepare('DELETE FROM broadcast_scorecards WHERE match_id = ?');
  /** Parsed once: the stored bodies, as read back or as written by this process. */
  const bases = new Map<string, Scorecard>();
  const stored = (body: unknown): Scorecard | undefined => {
    if (typeof body !== 'string') return undefined;
    const parsed = Scorecard.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  };
  const baseFor = (matchId: string): Scorecard | undefined => {
    if (!bases.has(matchId)) {
      const base = stored(baseOf.get(matchId));
      if (base) bases.set(matchId, base);
    }
    return bases.get(matchId);
  };
  return {
    advance: (matchId, { capturedAt, seq }, scorecard) =>
      db.write((): WatermarkMove => {
        const mark = markOf.get(matchId) as { capturedAt: string; seq: number } | undefined;
        if (mark && compareScorecards({ capturedAt, seq }, mark) < 0) return { advanced: false };
        upsert.run(matchId, capturedAt, seq);
        const base = baseFor(matchId);
        const previous = base && mark && isSameCapture(base, mark) ? base : undefined;
        if (scorecard) {
          keepBase.run(matchId, JSON.stringify(scorecard));
          bases.set(matchId, scorecard);
        } else {
          dropBase.run(matchId);
          bases.delete(matchId);
        }
        return previous ? { advanced: true, previous } : { advanced: true };
      }),
    lastBroadcast: baseFor,
  };
}

/**
 * Idempotency records. The runtime is one process (the database's lock), so a lease held by
 * an earlier run (another `owner`) belongs to a worker that is gone and is taken over at once,
 * as is any lease past its time.
 */
export function createSqliteIdempotencyStore(
  db: LocalDatabase,
  options: IdempotencyStoreOptions = {},
): IdempotencyStore {
  const now = options.now ?? Date.now;
  const retainMs = options.retainMs ?? THREE_DAYS_MS;
  const owner = randomUUID();
  const recordOf = db.sql.prepare(
    'SELECT status, lease_until AS leaseUntil, owner FROM idempotency WHERE key = ?',
  );
  const lease = db.sql.prepare(
    `INSERT INTO idempotency (key, status, lease_until, owner) VALUES (?, 'in-progress', ?, ?)
     ON CONFLICT (key) DO UPDATE SET status = 'in-progress', lease_until = excluded.lease_until,
       owner = excluded.owner, completed_at = NULL`,
  );
  const complete = db.sql.prepare(
    `INSERT INTO idempotency (key, status, completed_at) VALUES (?, 'completed', ?)
     ON CONFLICT (key) DO UPDATE SET status = 'completed', completed_at = excluded.completed_at,
       lease_until = NULL, owner = NULL`,
  );
  const release = db.sql.prepare("DELETE FROM idempotency WHERE key = ? AND status = 'in-progress'");
  const prune = db.sql.prepare("DELETE FROM idempotency WHERE status = 'completed' AND completed_at <= ?");
  return {
    begin: (key, leaseMs) =>
      db.write(() => {
        const at = now();
        const record = recordOf.get(key) as { status: string; leaseUntil: number; owner: string } | undefined;
        if (record?.status === 'completed') return 'completed' as const;
        if (record && record.owner === owner && record.leaseUntil > at) return 'in-progress' as const;
        if (!record) prune.run(at - retainMs);
        lease.run(key, at + leaseMs, owner);
        return 'started' as const;
      }),
    complete: (key) => db.write(() => void complete.run(key, now())),
    release: (key) => db.write(() => void release.run(key)),
  };
}
