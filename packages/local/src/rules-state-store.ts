import type { RulesStateStore } from '@live-scores/core';
import { RulesState } from '@live-scores/notify';
import { z } from 'zod';
import { createMemoryDocument, JsonFileStore, type JsonDocument } from './json-file-store.ts';

export const RulesStatesFile = z.record(
  z.string(),
  z.object({ state: RulesState, version: z.number().int().positive() }),
);
type RulesStates = z.infer<typeof RulesStatesFile>;

/** Each match's rules state with a version; a save against a stale version is a conflict. */
export function createRulesStateStore(document: JsonDocument<RulesStates>): RulesStateStore {
  return {
    load: async (matchId) => (await document.read())[matchId] ?? null,
    save: (matchId, state, expectedVersion) =>
      document.update((all) => {
        if ((all[matchId]?.version ?? 0) !== expectedVersion)
          return { value: all, result: 'conflict' as const };
        return {
          value: { ...all, [matchId]: { state, version: expectedVersion + 1 } },
          result: 'saved' as const,
        };
      }),
  };
}

export const createMemoryRulesStateStore = (): RulesStateStore =>
  createRulesStateStore(createMemoryDocument({}));

export const createFileRulesStateStore = (path: string): RulesStateStore =>
  createRulesStateStore(new JsonFileStore(path, RulesStatesFile, () => ({})));
