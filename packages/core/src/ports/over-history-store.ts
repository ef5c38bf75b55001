import type { StoredOverHistory } from '@live-scores/schema';

/** A match's stored over history and the version a save must name to replace it. */
export interface VersionedOverHistory extends StoredOverHistory {
  /** Opaque: an object's ETag, a row's counter. */
  version: string;
}

/** `conflict`: what is stored is no longer the version named (or exists when none was); reload and fold again. */
export type SaveOverHistoryResult = 'saved' | 'conflict';

/**
 * Each match's over history (`matches/<matchId>/overs.json`), saved with optimistic
 * concurrency: two consumers folding scorecards of one match can never both replace the
 * same version, so neither loses what the other proved.
 */
export interface OverHistoryStore {
  load(matchId: string): Promise<VersionedOverHistory | undefined>;
  /** Replaces the version `expectedVersion` names; `undefined` means "create, must not exist". */
  save(stored: StoredOverHistory, expectedVersion: string | undefined): Promise<SaveOverHistoryResult>;
}
