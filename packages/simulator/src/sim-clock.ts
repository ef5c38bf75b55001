/** Real milliseconds since start-up, not counting time spent paused. */
export class SimClock {
  private readonly startedAt: number;
  private pausedAt: number | null = null;
  private pausedTotal = 0;

  constructor(private readonly now: () => number = Date.now) {
    this.startedAt = now();
  }

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  elapsed(): number {
    return (this.pausedAt ?? this.now()) - this.startedAt - this.pausedTotal;
  }

  pause(): void {
    this.pausedAt ??= this.now();
  }

  resume(): void {
    if (this.pausedAt === null) return;
    this.pausedTotal += this.now() - this.pausedAt;
    this.pausedAt = null;
  }
}
