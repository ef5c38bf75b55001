import { ENDPOINT_DIGEST_BYTES, endpointDigest, type DeliveryClaims } from '@live-scores/core';
import type { LocalDatabase } from './database.ts';

export interface SqliteDeliveryClaimsOptions {
  /** Claims older than this are forgotten, as the event log forgets its ids. */
  retainMs?: number;
  now?: () => number;
}

const THREE_DAYS_MS = 3 * 24 * 3600_000;

/** A row's claimed set, one digest after another, as the strings a Set compares. */
function digestsIn(blob: Buffer | undefined): Set<string> {
  const held = new Set<string>();
  if (!blob) return held;
  for (let at = 0; at + ENDPOINT_DIGEST_BYTES <= blob.length; at += ENDPOINT_DIGEST_BYTES)
    held.add(blob.subarray(at, at + ENDPOINT_DIGEST_BYTES).toString('base64'));
  return held;
}

/**
 * Claims as one row per job: its key and the digests of the endpoints claimed, so a job of
 * two hundred claims with one small write (a row per subscription would write each key
 * again). Old rows are pruned when a new job's row is written.
 */
export function createSqliteDeliveryClaims(
  db: LocalDatabase,
  options: SqliteDeliveryClaimsOptions = {},
): DeliveryClaims {
  const retainMs = options.retainMs ?? THREE_DAYS_MS;
  const now = options.now ?? Date.now;
  const heldBy = db.sql.prepare('SELECT claimed FROM delivery_claims WHERE delivery_key = ?').pluck();
  const upsert = db.sql.prepare(
    `INSERT INTO delivery_claims (delivery_key, claimed, claimed_at) VALUES (?, ?, ?)
     ON CONFLICT (delivery_key) DO UPDATE SET claimed = excluded.claimed`,
  );
  const prune = db.sql.prepare('DELETE FROM delivery_claims WHERE claimed_at <= ?');
  return {
    claim: (deliveryKey, endpoints) =>
      db.write(() => {
        const before = heldBy.get(deliveryKey) as Buffer | undefined;
        const held = digestsIn(before);
        const claimed = new Set<string>();
        const added: Buffer[] = [];
        for (const endpoint of endpoints) {
          const digest = endpointDigest(endpoint);
          const text = digest.toString('base64');
          if (held.has(text)) continue;
          held.add(text);
          claimed.add(endpoint);
          added.push(digest);
        }
        if (added.length === 0) return claimed;
        const at = now();
        if (!before) prune.run(at - retainMs);
        upsert.run(deliveryKey, Buffer.concat([before ?? Buffer.alloc(0), ...added]), at);
        return claimed;
      }),
  };
}
