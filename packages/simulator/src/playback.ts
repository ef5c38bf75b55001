import type { MatchState, MatchTimeline } from './match.ts';
import type { PlannedMatch } from './fixture-plan.ts';

/**
 * How far one match has been revealed. Versions are due on the simulation clock
 * (start delay, then match time divided by the speed); stepping can run ahead of
 * the clock, and the clock then carries on from wherever the match is.
 */
export class MatchPlayback {
  private current = 0;

  constructor(
    readonly plan: PlannedMatch,
    readonly timeline: MatchTimeline,
    private readonly speed: number,
  ) {}

  get version(): number {
    return this.current;
  }

  get lastVersion(): number {
    return this.timeline.states.length - 1;
  }

  get state(): MatchState {
    return this.stateAt(this.current);
  }

  stateAt(version: number): MatchState {
    const state = this.timeline.states[version];
    if (!state) throw new Error(`match ${this.plan.matchId} has no version ${version}`);
    return state;
  }

  /** Clock milliseconds at which `version` is due; Infinity when only stepping reveals it. */
  dueAt(version: number): number {
    if (this.speed === 0 || version > this.lastVersion) return Number.POSITIVE_INFINITY;
    return this.plan.startDelayMs + (this.stateAt(version).elapsed * 1000) / this.speed;
  }

  /** When the next version is due, or Infinity. */
  nextDueAt(): number {
    return this.dueAt(this.current + 1);
  }

  /** Moves to the latest version due by `clockMs`; true when the match moved. */
  catchUp(clockMs: number): boolean {
    let target = this.current;
    while (target < this.lastVersion && this.dueAt(target + 1) <= clockMs) target++;
    return this.moveTo(target);
  }

  /** Moves `count` versions on (never past the end); true when the match moved. */
  step(count: number): boolean {
    return this.moveTo(Math.min(this.lastVersion, this.current + count));
  }

  private moveTo(version: number): boolean {
    if (version <= this.current) return false;
    this.current = version;
    return true;
  }
}
