import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger, teamScorecardKey } from '@live-scores/core';
import {
  createSqliteBroadcastWatermark,
  createSqliteScorecardStore,
  openLocalDatabase,
  type LocalDatabase,
} from '@live-scores/local';
import { scorecard } from '@live-scores/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentScorecards } from './current-scorecards.ts';

let dir: string;
let db: LocalDatabase;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'current-scorecards-'));
  db = openLocalDatabase(dir, { logger: createMemoryLogger() });
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const DAY = '2025-06-14';
const at = (seq: number) =>
  scorecard({ capturedAt: `2025-06-14T13:00:${String(seq).padStart(2, '0')}.000Z`, seq });

describe('the scorecards a page is sent when it connects or resyncs', () => {
  it('are never older than what was broadcast, though the store is behind the broadcast', async () => {
    const store = createSqliteScorecardStore(db);
    const broadcast = createSqliteBroadcastWatermark(db);
    const current = currentScorecards(store, broadcast, () => DAY);
    await store.putIfNewer(teamScorecardKey(DAY, 'firstTeam'), at(27));
    await broadcast.advance('6123456', at(28), at(28));

    expect((await current.list()).map((s) => s.seq)).toEqual([28]);

    await store.putIfNewer(teamScorecardKey(DAY, 'firstTeam'), at(29));
    expect((await current.list()).map((s) => s.seq)).toEqual([29]);
  });

  it('stay so across a restart: the card each match was broadcast as is stored with its mark', async () => {
    await createSqliteScorecardStore(db).putIfNewer(teamScorecardKey(DAY, 'firstTeam'), at(27));
    await createSqliteBroadcastWatermark(db).advance('6123456', at(28), at(28));
    db.close();
    db = openLocalDatabase(dir, { logger: createMemoryLogger() });

    const broadcast = createSqliteBroadcastWatermark(db);
    const current = currentScorecards(createSqliteScorecardStore(db), broadcast, () => DAY);
    expect((await current.list()).map((s) => s.seq)).toEqual([28]);
    // The next broadcast after the restart is a diff from that card, as the page holds it.
    expect(await broadcast.advance('6123456', at(29), at(29))).toEqual({ advanced: true, previous: at(28) });
  });
});
