export interface CoalescerTiming {
  /** Quiet time after the last trigger before firing. */
  waitMs: number;
  /** Longest delay after the first trigger of a burst, so a busy page still reports promptly. */
  maxWaitMs: number;
}

/**
 * Turns a burst of triggers into one call. A ball usually touches several DOM nodes in a
 * few milliseconds (runs, balls, strike rate, total, bowler figures); firing once per burst
 * makes one ball one message.
 */
export class Coalescer {
  private quietTimer: NodeJS.Timeout | undefined;
  private deadlineTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly fire: () => void,
    private readonly timing: CoalescerTiming,
  ) {}

  trigger(): void {
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.flush(), this.timing.waitMs);
    this.deadlineTimer ??= setTimeout(
      () => this.flush(),
      Math.max(this.timing.waitMs, this.timing.maxWaitMs),
    );
  }

  /** Drops a pending burst without firing. */
  cancel(): void {
    clearTimeout(this.quietTimer);
    clearTimeout(this.deadlineTimer);
    this.quietTimer = undefined;
    this.deadlineTimer = undefined;
  }

  private flush(): void {
    this.cancel();
    this.fire();
  }
}
