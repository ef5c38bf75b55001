import type { HtmlQueue } from '@live-scores/core';
import type { ScorecardHtml } from '@live-scores/schema';

/** An `HtmlQueue` that keeps what it was sent, for tests to wait on and inspect. */
export interface RecordingQueue extends HtmlQueue {
  messages: ScorecardHtml[];
  of(matchId: string): ScorecardHtml[];
  /** Resolves with the match's messages once `predicate` holds; rejects after `timeoutMs`. */
  waitFor(
    matchId: string,
    predicate: (messages: ScorecardHtml[]) => boolean,
    timeoutMs?: number,
  ): Promise<ScorecardHtml[]>;
  /** Sends fail while this returns true (a queue outage). */
  failWhile?: () => boolean;
}

export function createRecordingQueue(): RecordingQueue {
  const messages: ScorecardHtml[] = [];
  const waiters = new Set<() => void>();
  const queue: RecordingQueue = {
    messages,
    of: (matchId) => messages.filter((m) => m.matchId === matchId),
    async send(message) {
      if (queue.failWhile?.()) throw new Error('queue unavailable');
      messages.push(message);
      for (const wake of waiters) wake();
    },
    waitFor(matchId, predicate, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const mine = queue.of(matchId);
          if (!predicate(mine)) return;
          cleanup();
          resolve(mine);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `timed out after ${timeoutMs} ms; match ${matchId} has ${queue.of(matchId).length} messages`,
            ),
          );
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
  return queue;
}
