import type { EventLog } from '@live-scores/core';
import { z } from 'zod';
import { createMemoryDocument, JsonFileStore, type JsonDocument } from './json-file-store.ts';

/** Event id → when it was recorded (ms since epoch). */
export const EventLogFile = z.record(z.string(), z.number());
type Recorded = z.infer<typeof EventLogFile>;

export interface EventLogOptions {
  /** Ids older than this are forgotten: a match's scorecards stop arriving within a day. */
  retainMs?: number;
  now?: () => number;
}

/** The ids of events already queued; recording is check-and-set in one serialized update. */
export function createEventLog(document: JsonDocument<Recorded>, options: EventLogOptions = {}): EventLog {
  const retainMs = options.retainMs ?? 3 * 24 * 3600 * 1000;
  const now = options.now ?? Date.now;
  return {
    recordOnce: (eventId) =>
      document.update((all) => {
        if (eventId in all) return { value: all, result: false };
        const t = now();
        const kept = Object.fromEntries(Object.entries(all).filter(([, at]) => t - at < retainMs));
        return { value: { ...kept, [eventId]: t }, result: true };
      }),
    release: (eventIds) =>
      document.update((all) => ({
        value: Object.fromEntries(Object.entries(all).filter(([id]) => !eventIds.includes(id))),
        result: undefined,
      })),
  };
}

export const createMemoryEventLog = (options?: EventLogOptions): EventLog =>
  createEventLog(createMemoryDocument({}), options);

export const createFileEventLog = (path: string, options?: EventLogOptions): EventLog =>
  createEventLog(new JsonFileStore(path, EventLogFile, () => ({})), options);
