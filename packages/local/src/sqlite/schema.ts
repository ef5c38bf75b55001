/**
 * The single-machine database. Values are JSON text validated with their zod schema when
 * read back; the columns beside them are what queries filter and order on.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE IF NOT EXISTS subscriptions (
  id INTEGER PRIMARY KEY,
  endpoint TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  -- 1 when the subscriber named no teams: every team's events reach them.
  all_teams INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS subscription_teams (
  team_id TEXT NOT NULL,
  subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, subscription_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS subscription_teams_by_subscription ON subscription_teams (subscription_id);
CREATE INDEX IF NOT EXISTS subscriptions_all_teams ON subscriptions (all_teams, id);

CREATE TABLE IF NOT EXISTS fixtures (
  date TEXT NOT NULL,
  match_id TEXT NOT NULL,
  discovered_at INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (date, match_id)
) STRICT;

CREATE TABLE IF NOT EXISTS rules_state (
  match_id TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  version INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS event_log (event_id TEXT PRIMARY KEY, recorded_at INTEGER NOT NULL) STRICT;
CREATE INDEX IF NOT EXISTS event_log_by_time ON event_log (recorded_at);

-- A push job's claimed subscriptions: 12-byte digests of their endpoints, end to end.
CREATE TABLE IF NOT EXISTS delivery_claims (
  delivery_key TEXT PRIMARY KEY,
  claimed BLOB NOT NULL,
  claimed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS delivery_claims_by_time ON delivery_claims (claimed_at);

CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('in-progress', 'completed')),
  lease_until INTEGER,
  owner TEXT,
  completed_at INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS idempotency_by_completion ON idempotency (completed_at);

CREATE TABLE IF NOT EXISTS broadcast_watermarks (
  match_id TEXT PRIMARY KEY,
  captured_at TEXT NOT NULL,
  seq INTEGER NOT NULL
) STRICT;

-- The scorecard each match's mark stands for: the next diff's base, and what a page that
-- connects or resyncs is sent, so it holds what the diffs after are built on.
CREATE TABLE IF NOT EXISTS broadcast_scorecards (match_id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT;

CREATE TABLE IF NOT EXISTS scorecards (key TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT;

-- Each match's over history with the fold it came from (a StoredOverHistory), versioned.
CREATE TABLE IF NOT EXISTS over_histories (
  match_id TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  version INTEGER NOT NULL
) STRICT;

-- Digest windows: at most one open per match; an event belongs to one window, for good.
CREATE TABLE IF NOT EXISTS digest_windows (
  window_id TEXT PRIMARY KEY,
  match_id TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  closed INTEGER NOT NULL DEFAULT 0,
  -- 1 once an event that ends the match (a result, an abandonment) is in this window.
  ends_match INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS digest_windows_open ON digest_windows (match_id) WHERE closed = 0;
CREATE INDEX IF NOT EXISTS digest_windows_by_due ON digest_windows (closed, due_at);
CREATE TABLE IF NOT EXISTS digest_events (
  event_id TEXT PRIMARY KEY,
  window_id TEXT NOT NULL REFERENCES digest_windows(window_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  body TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS digest_events_by_window ON digest_events (window_id, position);

CREATE TABLE IF NOT EXISTS queue_messages (
  id INTEGER PRIMARY KEY,
  queue TEXT NOT NULL,
  body TEXT NOT NULL,
  -- Deliveries so far, counted when a delivery starts: a message that kills the process
  -- every time still reaches the limit.
  receive_count INTEGER NOT NULL DEFAULT 0,
  -- Not delivered before this (ms): a delay, a retry's backoff, or an in-flight delivery's
  -- visibility deadline.
  visible_at INTEGER NOT NULL,
  -- 1 while a delivery is running; a restart finds these from a run that is gone.
  leased INTEGER NOT NULL DEFAULT 0,
  dead_at INTEGER,
  reason TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS queue_messages_ready ON queue_messages (queue, dead_at, visible_at, id);
`;
