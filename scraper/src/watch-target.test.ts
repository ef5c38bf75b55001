import { describe, expect, it } from 'vitest';
import { ConfigFile } from '@live-scores/schema';
import { DEFAULT_TIMING, timingFromConfig } from './timing.ts';
import { matchIdFromUrl, parseWatchTarget } from './watch-target.ts';
import { createRecordingQueue } from './testing/recording-queue.ts';
import { Watcher } from './watcher.ts';

describe('matchIdFromUrl', () => {
  it.each([
    ['https://bradfordcl.play-cricket.com/website/results/6123456', '6123456'],
    ['https://bradfordcl.play-cricket.com/website/results/6123456/', '6123456'],
    ['http://127.0.0.1:8081/website/results/42?tab=scorecard', '42'],
    ['https://bradfordcl.play-cricket.com/website/results/', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, id) => {
    expect(matchIdFromUrl(url)).toBe(id);
  });
});

describe('parseWatchTarget', () => {
  it('rejects a target with a one-line reason naming the field', () => {
    expect(() =>
      parseWatchTarget({ url: 'ftp://x.example/website/results/1', matchId: '1', teamId: 'firstTeam' }),
    ).toThrow('invalid match to watch: url: expected an http(s) URL');
  });

  it('is what Watcher.add checks, before any browser exists', () => {
    const watcher = new Watcher({ queue: createRecordingQueue() });
    expect(() =>
      watcher.add({ url: 'https://x.example/website/results/1', matchId: 'one', teamId: 'firstTeam' }),
    ).toThrow(/^invalid match to watch: matchId: /);
    expect(watcher.matchIds).toEqual([]);
  });
});

describe('timingFromConfig', () => {
  it("uses the config file's scraper section, in milliseconds", () => {
    const config = ConfigFile.parse({
      club: { name: 'Cleckheaton CC', slug: 'cleckheaton' },
      league: { baseUrl: 'https://bradfordcl.play-cricket.com', fixturesPath: '/website/web_pages/315262' },
      teams: [{ id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' }],
      push: { vapidSubject: 'mailto:scores@cleckheatoncc.co.uk' },
      scraper: {
        safetyPollSeconds: 30,
        reloadMinutes: 20,
        tabPollSeconds: { min: 90, max: 300 },
        debounceMs: 25,
      },
    });
    expect(timingFromConfig(config.scraper)).toEqual({
      ...DEFAULT_TIMING,
      debounceMs: 25,
      safetyPollMs: 30_000,
      reloadMs: 1_200_000,
      tabPoll: { minMs: 90_000, maxMs: 300_000 },
    });
  });
});
