import { isDeepStrictEqual } from 'node:util';
import { foldOvers, overHistoryOf } from '@live-scores/notify';
import {
  StoredOverHistory,
  type LiveOversMessage,
  type OverHistory,
  type Scorecard,
} from '@live-scores/schema';
import { sleep } from '../concurrency.ts';
import type { Logger } from '../logger.ts';
import type { BroadcastQueue } from '../ports/broadcast-queue.ts';
import type { ConnectionSender, ConnectionStore } from '../ports/connections.ts';
import type { OverHistoryStore } from '../ports/over-history-store.ts';
import { broadcastFrame, type BroadcastOptions, type BroadcastReport } from './broadcast-scorecard.ts';

export interface RecordOversDeps {
  store: OverHistoryStore;
  connections: ConnectionStore;
  sender: ConnectionSender;
  /** Where a large audience's sends are split to; without it every send is inline. */
  batches?: BroadcastQueue;
  logger: Logger;
}

export interface RecordOversOptions {
  /** Reload-and-refold rounds when another consumer saved the match's history first. */
  maxAttempts?: number;
  broadcast?: BroadcastOptions;
}

/**
 * `unchanged`: the scorecard added nothing the stored fold did not hold (a duplicate, or a
 * late one that proves nothing). `recorded`: the fold moved on and was saved; when the
 * history the pages see moved on too, it was sent to them (`broadcast`).
 */
export type RecordOversOutcome =
  | { outcome: 'unchanged'; attempts: number }
  | { outcome: 'recorded'; attempts: number; broadcast?: BroadcastReport };

/** Whether pages would show anything new: `upTo` alone moving (a capture with no new ball) is not. */
function movedOn(before: OverHistory, after: OverHistory): boolean {
  return before.teamId !== after.teamId || !isDeepStrictEqual(before.innings, after.innings);
}

export class OverHistoryContention extends Error {
  constructor(matchId: string, attempts: number) {
    super(`over history of match ${matchId} kept changing under us (${attempts} attempts)`);
    this.name = 'OverHistoryContention';
  }
}

/**
 * Scorecard → the match's stored fold → the over history, saved only when it moved on and
 * only over the version it was folded from: a concurrent save makes this one fold again on
 * the newer fold, so nothing either proved is lost. The fold is order-free, so duplicates
 * change nothing and a late scorecard may still fill a gap. A history that moved on is sent
 * to every live page as `{ type: "overs", history }`; one where only `upTo` moved is stored
 * but not sent, since a page would show nothing new.
 */
export async function recordOvers(
  deps: RecordOversDeps,
  scorecard: Scorecard,
  options: RecordOversOptions = {},
): Promise<RecordOversOutcome> {
  const maxAttempts = options.maxAttempts ?? 5;
  const log = { matchId: scorecard.matchId, teamId: scorecard.teamId, seq: scorecard.seq };

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await deps.store.load(scorecard.matchId);
    const fold = foldOvers(stored?.fold, scorecard);
    if (stored && isDeepStrictEqual(fold, stored.fold)) {
      deps.logger.info('over history unchanged', { ...log, attempt });
      return { outcome: 'unchanged', attempts: attempt };
    }
    // Validated before it is stored: a fold the contract refuses is a bad message, not a stuck match.
    const next = StoredOverHistory.parse({ history: overHistoryOf(fold), fold });
    if ((await deps.store.save(next, stored?.version)) === 'conflict') {
      deps.logger.warn('over history conflict, folding again', { ...log, attempt });
      // Jitter, so consumers that collided do not collide again in lockstep.
      await sleep(Math.random() * 20 * attempt);
      continue;
    }
    if (stored && !movedOn(stored.history, next.history)) {
      deps.logger.info('over history recorded', { ...log, attempt, sent: false });
      return { outcome: 'recorded', attempts: attempt };
    }
    const message: LiveOversMessage = { type: 'overs', history: next.history };
    const broadcast = await broadcastFrame(
      deps,
      { matchId: scorecard.matchId, teamId: scorecard.teamId, message: JSON.stringify(message) },
      options.broadcast,
    );
    deps.logger.info('over history recorded', { ...log, attempt, sent: true });
    return { outcome: 'recorded', attempts: attempt, broadcast };
  }
  throw new OverHistoryContention(scorecard.matchId, maxAttempts);
}
