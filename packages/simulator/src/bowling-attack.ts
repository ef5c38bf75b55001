import type { Random } from './random.ts';

/** The most overs one bowler may bowl: a fifth of the innings (10 in a 50-over game). */
export function maxOversPerBowler(oversPerSide: number): number {
  return Math.ceil(oversPerSide / 5);
}

/**
 * Who bowls each over: two ends, spells of a few overs, never the same bowler in
 * consecutive overs, never beyond the over limit. Six bowlers with a fifth of the
 * overs each always leave someone eligible, so the plan cannot get stuck.
 */
export class BowlingAttack {
  private readonly oversBowled = new Map<string, number>();
  private readonly ends: [string | null, string | null] = [null, null];
  private readonly spellOvers: [number, number] = [0, 0];
  private readonly spellTargets: [number, number] = [0, 0];
  private previousOver: string | null = null;
  private overNumber = 0;

  constructor(
    private readonly random: Random,
    /** Bowlers in the captain's order of preference: the first two open. */
    private readonly bowlers: readonly string[],
    private readonly limit: number,
  ) {
    if (bowlers.length < 6) throw new Error('an attack needs at least six bowlers');
  }

  /** The bowler of the next over; call once at the start of every over. */
  nextOver(): string {
    const end = (this.overNumber % 2) as 0 | 1;
    const current = this.ends[end];
    const keepOn =
      current !== null &&
      current !== this.previousOver &&
      this.spellOvers[end] < this.spellTargets[end] &&
      this.remaining(current) > 0;
    const bowler = keepOn ? current : this.change(end);
    if (!keepOn) {
      this.ends[end] = bowler;
      this.spellOvers[end] = 0;
      this.spellTargets[end] = this.overNumber < 2 ? this.random.int(5, 9) : this.random.int(3, 7);
    }
    this.spellOvers[end]++;
    this.oversBowled.set(bowler, (this.oversBowled.get(bowler) ?? 0) + 1);
    this.previousOver = bowler;
    this.overNumber++;
    return bowler;
  }

  private remaining(name: string): number {
    return this.limit - (this.oversBowled.get(name) ?? 0);
  }

  private change(end: 0 | 1): string {
    if (this.overNumber < 2) return this.bowlers[this.overNumber] as string;
    const eligible = this.bowlers.filter((b) => b !== this.previousOver && this.remaining(b) > 0);
    const rested = eligible.filter((b) => b !== this.ends[end]);
    const choices = rested.length > 0 ? rested : eligible;
    if (choices.length === 0) throw new Error('no bowler left with overs to bowl');
    return this.random.weighted(choices.map((b) => [b, this.remaining(b)] as const));
  }
}
