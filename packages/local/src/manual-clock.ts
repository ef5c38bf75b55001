import type { Clock } from '@live-scores/core';

export { systemClock } from '@live-scores/core';

/** A clock that moves only when told: for tests and for replaying a match day. */
export interface ManualClock extends Clock {
  set(instant: Date | string): void;
  advance(ms: number): void;
}

export function createManualClock(start: Date | string): ManualClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (instant) => {
      now = new Date(instant);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}
