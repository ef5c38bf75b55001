import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '@live-scores/core';
import { ScorecardHtml } from '@live-scores/schema';
import { type FakeMatchSite, oversText, startFakeMatchSite } from './testing/fake-match-site.ts';
import { type RecordingQueue, createRecordingQueue } from './testing/recording-queue.ts';
import { processTreePids } from './process-tree.ts';
import { pause, until } from './testing/wait.ts';
import { Watcher } from './watcher.ts';

const FAST = {
  tabPoll: { minMs: 100, maxMs: 400 },
  navigationRetry: { minMs: 100, maxMs: 500 },
  sendRetry: { minMs: 50, maxMs: 200 },
  safetyPollMs: 250,
  heartbeatMs: 60_000,
};

const totalText = (message: ScorecardHtml | undefined) =>
  message?.scorecardHtml.match(/class="total">([^<]*)</)?.[1];

describe('Watcher, one shared browser', () => {
  let site: FakeMatchSite;
  let queue: RecordingQueue;
  let watcher: Watcher;
  const logger = createMemoryLogger('scraper');
  const watch = (matchId: string, teamId = 'firstTeam') =>
    watcher.add({ url: site.matchUrl(matchId), matchId, teamId });

  beforeAll(async () => {
    site = await startFakeMatchSite();
    queue = createRecordingQueue();
    watcher = new Watcher({ queue, logger, timing: FAST, exitWhenIdle: false });
    void watcher.run();
  });

  afterAll(async () => {
    await watcher.stop();
    await site.close();
  });

  it('accepts the cookie banner and sends the scorecard as first seen', async () => {
    site.addMatch('1001', { runs: 12, balls: 9 });
    watch('1001');
    const [first] = await queue.waitFor('1001', (m) => m.length >= 1);
    // The banner's consent is posted without waiting for it: it may land after the first read.
    await until(() => site.consents('1001') >= 1, 10_000, 'the cookie consent');
    expect(ScorecardHtml.parse(first)).toEqual(first);
    expect(first).toMatchObject({ matchId: '1001', teamId: 'firstTeam', url: site.matchUrl('1001'), seq: 1 });
    expect(first?.headerHtml).toContain('class="container main-header"');
    expect(first?.headerHtml).toContain('IN PROGRESS');
    expect(totalText(first)).toBe('12 for 0 (1.3 Overs)');
  });

  it('sends one message per ball, in order, the last holding the final figures', async () => {
    site.addMatch('1002');
    watch('1002');
    await queue.waitFor('1002', (m) => m.length >= 1);
    await until(() => site.liveViewers('1002') === 1);
    for (let ball = 0; ball < 12; ball++) {
      site.ball('1002');
      await pause(150);
    }
    const messages = await queue.waitFor('1002', (m) => m.length >= 13);
    await pause(400);
    expect(queue.of('1002')).toHaveLength(13);
    expect(messages.map((m) => m.seq)).toEqual([...Array(13).keys()].map((i) => i + 1));
    expect(messages.map(totalText)).toEqual(
      [...Array(13).keys()].map((balls) => `${balls} for 0 (${oversText(balls)} Overs)`),
    );
  });

  it('coalesces a burst of DOM changes into one message', async () => {
    site.addMatch('1003');
    watch('1003');
    await queue.waitFor('1003', (m) => m.length >= 1);
    await until(() => site.liveViewers('1003') === 1);
    site.update('1003', { runs: 4, balls: 1 });
    site.update('1003', { wickets: 1, balls: 2 });
    const messages = await queue.waitFor('1003', (m) => m.length >= 2);
    await pause(400);
    expect(queue.of('1003')).toHaveLength(2);
    expect(totalText(messages[1])).toBe('4 for 1 (0.2 Overs)');
  });

  it('sends nothing while the scorecard pane is briefly out of the page, then its new figures', async () => {
    site.addMatch('1009', { runs: 30, balls: 30 });
    watch('1009');
    await queue.waitFor('1009', (m) => m.length >= 1);
    await until(() => site.liveViewers('1009') === 1);
    site.update('1009', { paneRemoved: true });
    await pause(FAST.safetyPollMs * 2);
    expect(queue.of('1009')).toHaveLength(1);
    site.update('1009', { paneRemoved: false, runs: 34, balls: 31 });
    const [, second] = await queue.waitFor('1009', (m) => m.length >= 2);
    expect(totalText(second)).toBe('34 for 0 (5.1 Overs)');
  });

  it('sends nothing while nothing changes, across several safety polls', async () => {
    site.addMatch('1004', { runs: 50, balls: 60 });
    watch('1004');
    await queue.waitFor('1004', (m) => m.length >= 1);
    await pause(FAST.safetyPollMs * 4);
    expect(queue.of('1004')).toHaveLength(1);
  });

  it('waits for a scorecard tab that appears late on the live page', async () => {
    site.addMatch('1005', { tabDelayMs: 300, runs: 3, balls: 2 });
    watch('1005');
    const [first] = await queue.waitFor('1005', (m) => m.length >= 1);
    expect(totalText(first)).toBe('3 for 0 (0.2 Overs)');
  });

  it('polls, reloading, until scoring starts', async () => {
    site.addMatch('1006', { scoringStarted: false });
    watch('1006');
    await pause(600);
    expect(queue.of('1006')).toHaveLength(0);
    site.update('1006', { scoringStarted: true, runs: 1, balls: 1 });
    const [first] = await queue.waitFor('1006', (m) => m.length >= 1);
    expect(totalText(first)).toBe('1 for 0 (0.1 Overs)');
    expect(site.consents('1006')).toBeGreaterThan(1);
  });

  it('watches two matches in the same browser, each with its own sequence', async () => {
    site.addMatch('2001');
    site.addMatch('2002', { runs: 100, balls: 120 });
    watch('2001', 'firstTeam');
    watch('2002', 'secondTeam');
    await queue.waitFor('2001', (m) => m.length >= 1);
    await queue.waitFor('2002', (m) => m.length >= 1);
    await until(() => site.liveViewers('2001') === 1 && site.liveViewers('2002') === 1);
    site.ball('2001');
    site.ball('2002');
    const first = await queue.waitFor('2001', (m) => m.length >= 2);
    const second = await queue.waitFor('2002', (m) => m.length >= 2);
    expect(first.map((m) => [m.teamId, m.seq, totalText(m)])).toEqual([
      ['firstTeam', 1, '0 for 0 (0.0 Overs)'],
      ['firstTeam', 2, '1 for 0 (0.1 Overs)'],
    ]);
    expect(second.map((m) => [m.teamId, m.seq, totalText(m)])).toEqual([
      ['secondTeam', 1, '100 for 0 (20.0 Overs)'],
      ['secondTeam', 2, '101 for 0 (20.1 Overs)'],
    ]);
    expect(watcher.matchIds).toEqual(expect.arrayContaining(['2001', '2002']));
  });

  it('stops watching a match removed while it runs, closing its page', async () => {
    site.addMatch('1010');
    watch('1010');
    await queue.waitFor('1010', (m) => m.length >= 1);
    await until(() => site.liveViewers('1010') === 1);
    expect(await watcher.remove('1010')).toBe(true);
    expect(watcher.matchIds).not.toContain('1010');
    await until(() => site.liveViewers('1010') === 0, 5_000, 'page closed');
    site.ball('1010');
    await pause(300);
    expect(queue.of('1010')).toHaveLength(1);
    expect(await watcher.remove('1010')).toBe(false);
  });

  it('stops watching a match once its result has been sent', async () => {
    site.addMatch('1007', { runs: 180, balls: 240 });
    watch('1007');
    await queue.waitFor('1007', (m) => m.length >= 1);
    await until(() => site.liveViewers('1007') === 1);
    site.update('1007', { status: 'WON BY 8 WICKETS', winner: 'Cleckheaton CC - 1st XI' });
    const messages = await queue.waitFor('1007', (m) => m.length >= 2);
    expect(messages[1]?.headerHtml).toContain('WON BY 8 WICKETS');
    await until(() => !watcher.matchIds.includes('1007'));
    expect(site.liveViewers('1007')).toBe(0);
  });

  it('keeps retrying a refused send, then stops once the result is through', async () => {
    site.addMatch('1008', { status: 'MATCH TIED', runs: 150, balls: 240 });
    let refusals = 3;
    queue.failWhile = () => refusals-- > 0;
    watch('1008');
    const [result] = await queue.waitFor('1008', (m) => m.length >= 1);
    queue.failWhile = undefined;
    expect(result?.headerHtml).toContain('MATCH TIED');
    await until(() => !watcher.matchIds.includes('1008'));
    const retries = logger.lines.filter((l) => l.message === 'send failed; retrying' && l.matchId === '1008');
    expect(retries).toHaveLength(3);
  });

  it('reopens a match whose page crashed, in the same browser, and resends its state', async () => {
    const browserPid = watcher.browserPid as number;
    const before = queue.of('1004');
    const renderers = processTreePids(browserPid).filter((pid) =>
      readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer'),
    );
    expect(renderers.length).toBeGreaterThan(0);
    for (const pid of renderers) process.kill(pid, 'SIGKILL');
    // Every match's page shared those renderers: all of them reopen at once, which on a busy
    // machine takes a while.
    const after = await queue.waitFor('1004', (m) => m.length > before.length, 45_000);
    expect(after.at(-1)).toMatchObject({
      seq: before.length + 1,
      headerHtml: before.at(-1)?.headerHtml,
      scorecardHtml: before.at(-1)?.scorecardHtml,
    });
    expect(watcher.browserPid).toBe(browserPid);
    expect(
      logger.lines.filter((l) => l.message === 'page crashed; reopening' && l.matchId === '1004'),
    ).toHaveLength(1);
    await until(
      () => watcher.statuses().every((m) => m.state === 'watching'),
      10_000,
      'every match watching again',
    );
  });

  it('logs every per-match line with its matchId and teamId, and a heartbeat with memory', async () => {
    const perMatch = logger.lines.filter((l) => l.message === 'scorecard changed');
    expect(perMatch.length).toBeGreaterThan(0);
    for (const line of perMatch)
      expect(line).toEqual(
        expect.objectContaining({ matchId: expect.any(String), teamId: expect.any(String) }),
      );
    const beat = watcher.heartbeat();
    expect(beat.watched).toBe(watcher.matchIds.length);
    expect(beat.rssMb.chromium).toBeGreaterThan(10);
    expect(beat.rssMb.node).toBeGreaterThan(10);
    expect(beat.pssMb.chromium).toBeGreaterThan(10);
    expect(beat.pssMb.chromium).toBeLessThanOrEqual(beat.rssMb.chromium);
    expect(beat.matches.find((m) => m.matchId === '1002')).toMatchObject({ state: 'watching' });
  });
});

describe('Watcher periodic reload', () => {
  it('reopens the page on schedule without sending anything when nothing changed', async () => {
    const site = await startFakeMatchSite();
    const queue = createRecordingQueue();
    const watcher = new Watcher({ queue, logger: createMemoryLogger(), timing: { ...FAST, reloadMs: 400 } });
    try {
      site.addMatch('5001', { runs: 61, balls: 70 });
      watcher.add({ url: site.matchUrl('5001'), matchId: '5001', teamId: 'firstTeam' });
      const finished = watcher.run();
      await queue.waitFor('5001', (m) => m.length >= 1);
      await until(() => site.consents('5001') >= 3, 10_000, 'two reloads');
      expect(queue.of('5001')).toHaveLength(1);
      await until(() => site.liveViewers('5001') === 1);
      site.update('5001', { status: 'WON BY 4 WICKETS' });
      await finished;
      expect(queue.of('5001').map((m) => m.seq)).toEqual([1, 2]);
    } finally {
      await watcher.stop();
      await site.close();
    }
  });
});
