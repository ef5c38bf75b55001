import { describe, expect, it } from 'vitest';
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
