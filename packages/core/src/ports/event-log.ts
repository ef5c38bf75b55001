/**
 * The ids of notification events already queued. `recordOnce` is a conditional write:
 * exactly one caller, across processes and retries, gets `true` for an id, so an event
 * is enqueued at most once even when the same scorecard is applied twice concurrently.
 */
export interface EventLog {
  /** `true` when the id was new and is now recorded; `false` when it was already there. */
  recordOnce(eventId: string): Promise<boolean>;
  /**
   * Forgets ids whose events could not be queued after all, so a retry of the same
   * scorecard records and queues them again instead of losing them.
   */
  release(eventIds: string[]): Promise<void>;
}
