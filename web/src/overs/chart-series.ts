import type { InningsOvers } from '@live-scores/schema';
import { BALLS_PER_OVER } from '../cricket/overs.ts';

/*
 * What the charts draw, worked out without a DOM. Only what the history proves is drawn: a
 * gap breaks the worm's line and leaves the Manhattan's bar out, it is never bridged or guessed.
 */

export interface WormPoint {
  /** Overs bowled, possibly part-way through one: 38.333… for 38.2. */
  over: number;
  runs: number;
}

export interface WormWicket extends WormPoint {
  /** Wickets that fell since the previous point. */
  fell: number;
}

export interface WormLine {
  team: string;
  /** Unbroken runs of known points; a segment of one point is drawn as a dot. */
  segments: WormPoint[][];
  wickets: WormWicket[];
}

/** Cumulative runs against overs for one innings, broken where the history has gaps. */
export function wormLine(innings: InningsOvers): WormLine {
  const segments: WormPoint[][] = [];
  const wickets: WormWicket[] = [];
  let current: WormPoint[] = [{ over: 0, runs: 0 }];
  let previous: { runs: number; wickets: number } | null = { runs: 0, wickets: 0 };
  const add = (point: WormPoint, fallen: number) => {
    if (!previous && current.length > 0) {
      segments.push(current);
      current = [];
    }
    current.push(point);
    if (previous && fallen > previous.wickets) wickets.push({ ...point, fell: fallen - previous.wickets });
    previous = { runs: point.runs, wickets: fallen };
  };
  for (const slot of innings.overs) {
    if ('gap' in slot) previous = null;
    else add({ over: slot.over, runs: slot.runs }, slot.wickets);
  }
  const { legalBalls, runs, wickets: down } = innings.latest;
  if (legalBalls > innings.overs.length * BALLS_PER_OVER)
    add({ over: legalBalls / BALLS_PER_OVER, runs }, down);
  if (current.length > 0) segments.push(current);
  return { team: innings.team, segments, wickets };
}

export type ManhattanBar = { over: number; runs: number; wickets: number } | { over: number; gap: true };

/** Runs and wickets in each completed over; an over is a gap unless both its ends are known. */
export function manhattanBars(innings: InningsOvers): ManhattanBar[] {
  let previous: { runs: number; wickets: number } | null = { runs: 0, wickets: 0 };
  return innings.overs.map((slot) => {
    const before = previous;
    previous = 'gap' in slot ? null : slot;
    if ('gap' in slot || !before) return { over: slot.over, gap: true as const };
    return { over: slot.over, runs: slot.runs - before.runs, wickets: slot.wickets - before.wickets };
  });
}

/** A round top for an axis and its step: 0–180 by 30 rather than 0–177 by 17.7. */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  const raw = Math.max(1, max) / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // Runs are whole: never a step below one.
  const step = Math.max(1, ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude);
  return { top: Math.ceil(Math.max(1, max) / step) * step, step };
}
