import { FIXTURE_TTL_SECONDS, systemClock, type Clock, type FixturesTable } from '@live-scores/core';
import { FixtureRecord } from '@live-scores/schema';
import { z } from 'zod';
import { createMemoryDocument, JsonFileStore, type JsonDocument } from './json-file-store.ts';

/** `<date>/<matchId>` → record: the same key as the DynamoDB table's (pk, sk). */
export const FixturesFile = z.record(z.string(), FixtureRecord);
type Fixtures = z.infer<typeof FixturesFile>;

export interface LocalFixturesTableOptions {
  clock?: Clock;
  /**
   * Called after a new fixture is durably recorded: the local stand-in for the DynamoDB
   * stream's INSERT record that starts launch-scraper.
   */
  onInsert?: (record: FixtureRecord) => void;
}

const keyOf = (date: string, matchId: string): string => `${date}/${matchId}`;

/**
 * The fixtures table in one JSON document. Every write is one serialized update of the
 * document, so "put if new" and "complete if live" are check-and-set like DynamoDB's
 * conditional writes, and reads after a write see it. Fixtures expire 24 h after discovery.
 */
export function createFixturesTable(
  document: JsonDocument<Fixtures>,
  options: LocalFixturesTableOptions = {},
): FixturesTable {
  const clock = options.clock ?? systemClock;

  const unexpired = (all: Fixtures): Fixtures => {
    const cutoff = clock.now().getTime() - FIXTURE_TTL_SECONDS * 1000;
    return Object.fromEntries(Object.entries(all).filter(([, f]) => Date.parse(f.discoveredAt) > cutoff));
  };
  const day = async (date: string): Promise<FixtureRecord[]> =>
    Object.values(unexpired(await document.read()))
      .filter((f) => f.date === date)
      .sort((a, b) => a.matchId.localeCompare(b.matchId));

  return {
    async putIfNew(fixture) {
      const created = await document.update((all) => {
        const current = unexpired(all);
        const key = keyOf(fixture.date, fixture.matchId);
        if (current[key]) return { value: current, result: undefined };
        const record: FixtureRecord = {
          ...fixture,
          status: 'live',
          hostId: null,
          discoveredAt: clock.now().toISOString(),
          completedAt: null,
        };
        return { value: { ...current, [key]: record }, result: record };
      });
      if (created) options.onInsert?.(created);
      return created !== undefined;
    },

    async get(date, matchId) {
      return unexpired(await document.read())[keyOf(date, matchId)];
    },

    markComplete: (date, matchId, completedAt) =>
      document.update<{ record: FixtureRecord; changed: boolean } | undefined>((all) => {
        const key = keyOf(date, matchId);
        const record = all[key];
        if (!record) return { value: all, result: undefined };
        if (record.status === 'complete') return { value: all, result: { record, changed: false } };
        const next: FixtureRecord = { ...record, status: 'complete', completedAt };
        return { value: { ...all, [key]: next }, result: { record: next, changed: true } };
      }),

    assignHost: (date, matchId, hostId) =>
      document.update((all) => {
        const key = keyOf(date, matchId);
        const record = all[key];
        if (!record) throw new Error(`no fixture ${matchId} on ${date} to assign a host to`);
        return { value: { ...all, [key]: { ...record, hostId } }, result: undefined };
      }),

    listDay: day,
    listLive: async (date) => (await day(date)).filter((f) => f.status === 'live'),
  };
}

export const createFileFixturesTable = (path: string, options?: LocalFixturesTableOptions): FixturesTable =>
  createFixturesTable(new JsonFileStore(path, FixturesFile, () => ({})), options);

export const createMemoryFixturesTable = (options?: LocalFixturesTableOptions): FixturesTable =>
  createFixturesTable(createMemoryDocument({}), options);
