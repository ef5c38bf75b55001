import { join } from 'node:path';
import type { ReportStore } from '@live-scores/core';
import { MatchId, MatchReport, matchReportKey } from '@live-scores/schema';
import { JsonFileStore } from './json-file-store.ts';

const StoredReport = MatchReport.nullable();

/**
 * Match reports as JSON files under the data dir (`<dir>/matches/<matchId>/report.json`).
 * Each file is a `JsonFileStore`, whose updates run one at a time, so create-if-absent is
 * atomic in this process (the runtime lock keeps it to one process per data dir), and a
 * crash mid-write leaves no half a report.
 */
export function createFileReportStore(dataDir: string): ReportStore {
  const files = new Map<string, JsonFileStore<MatchReport | null>>();

  function fileFor(matchId: string): JsonFileStore<MatchReport | null> {
    const id = MatchId.parse(matchId);
    let file = files.get(id);
    if (!file) {
      file = new JsonFileStore(join(dataDir, matchReportKey(id)), StoredReport, () => null);
      files.set(id, file);
    }
    return file;
  }

  return {
    async get(matchId) {
      return (await fileFor(matchId).read()) ?? undefined;
    },
    async putIfAbsent(report) {
      return fileFor(report.matchId).update((current) =>
        current
          ? { value: current, result: 'exists' as const }
          : { value: report, result: 'written' as const },
      );
    },
  };
}
