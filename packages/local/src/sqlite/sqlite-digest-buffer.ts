import { digestWindowId, type DigestAppend, type DigestBuffer } from '@live-scores/core';
import { NotificationEvent } from '@live-scores/schema';
import type { LocalDatabase } from './database.ts';

const THREE_DAYS_MS = 3 * 24 * 3600_000;

export interface SqliteDigestBufferOptions {
  /** Closed windows are kept this long (far past the queue's redeliveries), then pruned. */
  retainMs?: number;
}

interface WindowRow {
  windowId: string;
  dueAt: number;
  size: number;
}

/**
 * Digest windows in the database: each append and each close is one write transaction, so
 * an event is in exactly one window, and a window survives a restart with its flush
 * message (itself a delayed queue row).
 */
export function createSqliteDigestBuffer(
  db: LocalDatabase,
  options: SqliteDigestBufferOptions = {},
): DigestBuffer {
  const retainMs = options.retainMs ?? THREE_DAYS_MS;
  const windowOfEvent = db.sql.prepare(
    `SELECT w.window_id AS windowId, w.due_at AS dueAt FROM digest_events e
     JOIN digest_windows w ON w.window_id = e.window_id WHERE e.event_id = ?`,
  );
  const openWindow = db.sql.prepare(
    `SELECT w.window_id AS windowId, w.due_at AS dueAt,
       (SELECT COUNT(*) FROM digest_events e WHERE e.window_id = w.window_id) AS size
     FROM digest_windows w WHERE w.match_id = ? AND w.closed = 0`,
  );
  const insertWindow = db.sql.prepare(
    'INSERT INTO digest_windows (window_id, match_id, due_at) VALUES (?, ?, ?)',
  );
  const insertEvent = db.sql.prepare(
    'INSERT INTO digest_events (event_id, window_id, position, body) VALUES (?, ?, ?, ?)',
  );
  const markEnded = db.sql.prepare('UPDATE digest_windows SET ends_match = 1 WHERE window_id = ?');
  const matchEnded = db.sql
    .prepare('SELECT EXISTS (SELECT 1 FROM digest_windows WHERE match_id = ? AND ends_match = 1)')
    .pluck();
  const closeWindow = db.sql.prepare(
    'UPDATE digest_windows SET closed = 1 WHERE window_id = ? AND match_id = ? RETURNING due_at',
  );
  const eventsOf = db.sql
    .prepare('SELECT body FROM digest_events WHERE window_id = ? ORDER BY position')
    .pluck();
  const pruneEvents = db.sql.prepare(
    `DELETE FROM digest_events WHERE window_id IN
       (SELECT window_id FROM digest_windows WHERE closed = 1 AND due_at <= ?)`,
  );
  const pruneWindows = db.sql.prepare('DELETE FROM digest_windows WHERE closed = 1 AND due_at <= ?');

  return {
    append: (event, at) =>
      db.write((): DigestAppend => {
        const held = windowOfEvent.get(event.id) as Omit<WindowRow, 'size'> | undefined;
        if (held)
          return {
            kind: 'duplicate',
            window: held.windowId,
            opened: held.windowId === digestWindowId(event),
            dueAt: held.dueAt,
            matchEnded: matchEnded.get(event.matchId) === 1,
          };
        let open = openWindow.get(event.matchId) as WindowRow | undefined;
        const opened = open === undefined;
        if (!open) {
          open = { windowId: digestWindowId(event), dueAt: at.now + at.windowMs, size: 0 };
          insertWindow.run(open.windowId, event.matchId, open.dueAt);
        }
        insertEvent.run(event.id, open.windowId, open.size, JSON.stringify(event));
        if (at.endsMatch) markEnded.run(open.windowId);
        return {
          kind: 'appended',
          window: open.windowId,
          opened,
          dueAt: open.dueAt,
          size: open.size + 1,
          matchEnded: matchEnded.get(event.matchId) === 1,
        };
      }),
    close: (matchId, window) =>
      db.write(() => {
        const dueAt = closeWindow.pluck().get(window, matchId) as number | undefined;
        const events = (eventsOf.all(window) as string[]).map((body) =>
          NotificationEvent.parse(JSON.parse(body)),
        );
        // Measured from this window's due time, so the clock that stamped the windows decides.
        if (dueAt !== undefined) {
          pruneEvents.run(dueAt - retainMs);
          pruneWindows.run(dueAt - retainMs);
        }
        return events;
      }),
  };
}
