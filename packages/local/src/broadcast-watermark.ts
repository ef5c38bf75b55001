import type { BroadcastWatermark } from '@live-scores/core';
import { compareScorecards, IsoDateTime } from '@live-scores/schema';
import { z } from 'zod';
import { createMemoryDocument, JsonFileStore, type JsonDocument } from './json-file-store.ts';

/** Match id → the capture of the newest scorecard broadcast for it. */
export const BroadcastWatermarksFile = z.record(
  z.string(),
  z.object({ capturedAt: IsoDateTime, seq: z.number().int().nonnegative() }),
);
type Marks = z.infer<typeof BroadcastWatermarksFile>;

/** Each match's broadcast mark; compare-and-move is one serialized update, so racing calls cannot move it back. */
export function createBroadcastWatermark(document: JsonDocument<Marks>): BroadcastWatermark {
  return {
    advance: (matchId, { capturedAt, seq }) =>
      document.update((all) => {
        const mark = all[matchId];
        if (mark && compareScorecards({ capturedAt, seq }, mark) < 0) return { value: all, result: false };
        return { value: { ...all, [matchId]: { capturedAt, seq } }, result: true };
      }),
  };
}

export const createMemoryBroadcastWatermark = (): BroadcastWatermark =>
  createBroadcastWatermark(createMemoryDocument({}));

/** Kept on disk so a restarted runtime does not let a redelivered old scorecard through. */
export const createFileBroadcastWatermark = (path: string): BroadcastWatermark =>
  createBroadcastWatermark(new JsonFileStore(path, BroadcastWatermarksFile, () => ({})));
