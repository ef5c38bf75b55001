import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger, storeScorecard } from '@live-scores/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileScorecardStore } from './file-scorecard-store.ts';
import { scorecard, shuffled } from './testing/scorecards.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'scorecards-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const options = { timeZone: 'Europe/London' };
const deps = () => ({
  store: createFileScorecardStore(dataDir),
  logger: createMemoryLogger(),
});

describe('store-scorecard through the file store', () => {
  it("writes the team's day and the match as files under the data dir", async () => {
    const d = deps();
    expect(await storeScorecard(d, scorecard({ seq: 3 }), options)).toEqual({
      team: 'written',
      match: 'written',
    });
    expect(await readdir(join(dataDir, 'scorecards', '2025-06-14'))).toEqual(['firstTeam.json']);
    expect((await d.store.get('matches/6123456.json'))?.seq).toBe(3);
  });

  it('keeps the newest of fifty racing deliveries, shuffled and each sent twice', async () => {
    const d = deps();
    const cards = Array.from({ length: 50 }, (_, i) => scorecard({ seq: i + 1 }));
    await Promise.all(shuffled([...cards, ...cards]).map((card) => storeScorecard(d, card, options)));
    expect((await d.store.get('scorecards/2025-06-14/firstTeam.json'))?.seq).toBe(50);
    expect((await d.store.get('matches/6123456.json'))?.seq).toBe(50);
  });

  it('reports an older or repeated scorecard as stale and leaves the newer one', async () => {
    const d = deps();
    await storeScorecard(d, scorecard({ seq: 9 }), options);
    expect(await storeScorecard(d, scorecard({ seq: 8 }), options)).toEqual({
      team: 'stale',
      match: 'stale',
    });
    expect(await storeScorecard(d, scorecard({ seq: 9 }), options)).toEqual({
      team: 'stale',
      match: 'stale',
    });
  });

  it('survives a restart: a new store over the same directory still refuses older scorecards', async () => {
    await storeScorecard(deps(), scorecard({ seq: 12 }), options);
    const reopened = deps();
    expect(await storeScorecard(reopened, scorecard({ seq: 11 }), options)).toEqual({
      team: 'stale',
      match: 'stale',
    });
    expect((await reopened.store.listDay('2025-06-14')).map((s) => s.seq)).toEqual([12]);
  });

  it('leaves no temporary files behind after its atomic writes', async () => {
    const d = deps();
    await Promise.all([1, 2, 3].map((seq) => storeScorecard(d, scorecard({ seq }), options)));
    expect(await readdir(join(dataDir, 'matches'))).toEqual(['6123456.json']);
  });

  it('lists the teams of a day, and nothing for a day without scorecards', async () => {
    const d = deps();
    await storeScorecard(d, scorecard(), options);
    await storeScorecard(d, scorecard({ teamId: 'secondTeam', matchId: '6123457' }), options);
    expect((await d.store.listDay('2025-06-14')).map((s) => s.teamId)).toEqual(['firstTeam', 'secondTeam']);
    expect(await d.store.listDay('2025-06-15')).toEqual([]);
  });

  it('refuses a key that would leave the data dir', async () => {
    await expect(createFileScorecardStore(dataDir).get('../escape.json')).rejects.toThrow(
      /not a scorecard key/,
    );
  });
});
