import type { RulesState } from '@live-scores/notify';

export interface VersionedRulesState {
  state: RulesState;
  /** Increases by one with every save; 0 never exists. */
  version: number;
}

/** `conflict`: someone saved a newer version since it was loaded; reload and apply again. */
export type RulesStateSaveResult = 'saved' | 'conflict';

/**
 * Each match's notification rules state, saved with optimistic concurrency so two
 * consumers applying scorecards of one match can never both advance it.
 */
export interface RulesStateStore {
  load(matchId: string): Promise<VersionedRulesState | null>;
  /** Saves as `expectedVersion + 1`; `expectedVersion` 0 means "create, must not exist". */
  save(matchId: string, state: RulesState, expectedVersion: number): Promise<RulesStateSaveResult>;
}
