/** What `begin` found: the caller runs the work, skips it, or leaves it to the queue to redeliver. */
export type IdempotencyBegin = 'started' | 'completed' | 'in-progress';

/**
 * One record per piece of work (an event's fan-out, a push job) so that a queue's duplicate
 * deliveries do it once: in progress under a lease, then completed. A lease that ran out
 * belongs to a worker that died, so the next delivery takes it over; leases must therefore
 * outlast the longest run of the work.
 */
export interface IdempotencyStore {
  /**
   * Claims `key` for `leaseMs` and answers `started`; answers `completed` when the work is
   * done, and `in-progress` when another worker holds a live lease.
   */
  begin(key: string, leaseMs: number): Promise<IdempotencyBegin>;
  /** The work is done: later deliveries of the key are acknowledged and skipped. */
  complete(key: string): Promise<void>;
  /** The work failed: forgets the lease so the queue's retry runs it again at once. */
  release(key: string): Promise<void>;
}
