import type { BroadcastWatermark, WatermarkMove } from '@live-scores/core';
import { compareScorecards, IsoDateTime, isSameCapture, type Scorecard } from '@live-scores/schema';
import { z } from 'zod';
import { createMemoryDocument, JsonFileStore, type JsonDocument } from './json-file-store.ts';

/** Match id → the capture of the newest scorecard broadcast for it. */
export const BroadcastWatermarksFile = z.record(
  z.string(),
  z.object({ capturedAt: IsoDateTime, seq: z.number().int().nonnegative() }),
);
type Marks = z.infer<typeof BroadcastWatermarksFile>;

/**
 * Each match's broadcast mark; compare-and-move is one serialized update, so racing calls
 * cannot move it back. The marks are on disk; the scorecards behind them (the next diff's
 * base) only in memory, so after a restart each match's first broadcast is a full scorecard.
 */
export function createBroadcastWatermark(document: JsonDocument<Marks>): BroadcastWatermark {
  const bases = new Map<string, Scorecard>();
  return {
    advance: (matchId, { capturedAt, seq }, scorecard) =>
      document.update((all) => {
        const mark = all[matchId];
        if (mark && compareScorecards({ capturedAt, seq }, mark) < 0)
          return { value: all, result: { advanced: false } as WatermarkMove };
        const base = bases.get(matchId);
        const previous = base && mark && isSameCapture(base, mark) ? base : undefined;
        if (scorecard) bases.set(matchId, scorecard);
        else bases.delete(matchId);
        return {
          value: { ...all, [matchId]: { capturedAt, seq } },
          result: previous ? { advanced: true, previous } : { advanced: true },
        };
      }),
  };
}

export const createMemoryBroadcastWatermark = (): BroadcastWatermark =>
  createBroadcastWatermark(createMemoryDocument({}));

/** Kept on disk so a restarted runtime does not let a redelivered old scorecard through. */
export const createFileBroadcastWatermark = (path: string): BroadcastWatermark =>
  createBroadcastWatermark(new JsonFileStore(path, BroadcastWatermarksFile, () => ({})));
