import { readdir } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { ScorecardStore } from '@live-scores/core';
import { compareScorecards, Scorecard } from '@live-scores/schema';
import { JsonFileStore } from './json-file-store.ts';

const StoredScorecard = Scorecard.nullable();

/**
 * Scorecards as JSON files under the data dir, one per key (`<dir>/scorecards/<date>/<team>.json`,
 * `<dir>/matches/<id>.json`). Each key's file is a `JsonFileStore`, whose updates run one at a
 * time: that is the per-key lock that makes compare-and-write atomic in this process, and
 * every write is temp file + fsync + rename, so a crash leaves the old scorecard or the new.
 */
export function createFileScorecardStore(dataDir: string): ScorecardStore {
  const files = new Map<string, JsonFileStore<Scorecard | null>>();

  function fileFor(key: string): JsonFileStore<Scorecard | null> {
    const relative = normalize(key);
    if (relative.startsWith('..') || relative.startsWith(sep) || !relative.endsWith('.json')) {
      throw new Error(`not a scorecard key: ${key}`);
    }
    let file = files.get(relative);
    if (!file) {
      file = new JsonFileStore(join(dataDir, relative), StoredScorecard, () => null);
      files.set(relative, file);
    }
    return file;
  }

  async function get(key: string): Promise<Scorecard | undefined> {
    return (await fileFor(key).read()) ?? undefined;
  }

  return {
    get,
    putIfNewer: (key, scorecard) =>
      fileFor(key).update((current) =>
        current && compareScorecards(scorecard, current) <= 0
          ? { value: current, result: 'stale' as const }
          : { value: scorecard, result: 'written' as const },
      ),
    async listDay(date) {
      const prefix = `scorecards/${date}`;
      let names: string[];
      try {
        names = await readdir(join(dataDir, prefix));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const scorecards = await Promise.all(
        names
          .filter((n) => n.endsWith('.json'))
          .sort()
          .map((n) => get(`${prefix}/${n}`)),
      );
      return scorecards.filter((s): s is Scorecard => s !== undefined);
    },
  };
}
