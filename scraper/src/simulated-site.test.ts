import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '@live-scores/core';
import { parseScorecardHtml } from '@live-scores/parser';
import { type RunningSimulator, startSimulator } from '@live-scores/simulator';
import type { Scorecard } from '@live-scores/schema';
import { isAlive } from './process-tree.ts';
import { createRecordingQueue } from './testing/recording-queue.ts';
import { pause, until } from './testing/wait.ts';
import { Watcher } from './watcher.ts';

const TIMING = { tabPoll: { minMs: 100, maxMs: 400 }, safetyPollMs: 500 };

/**
 * What the watcher must get right: every figure on the page at that moment. (How-out
 * wording is the parser's business, checked in its own tests.)
 */
const figures = (scorecard: Scorecard) => ({
  status: scorecard.status,
  result: scorecard.result,
  innings: scorecard.innings.map((innings) => ({
    team: innings.team,
    total: [innings.total.runs, innings.total.wickets, innings.total.overs],
    batting: innings.batting.map((b) => [b.name, b.out, b.runs, b.balls]),
    bowling: innings.bowling.map((b) => [b.name, b.overs, b.runs, b.wickets]),
  })),
});

describe('Watcher against the simulated league site', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({
      speed: 0,
      seed: 'scraper-e2e',
      matches: 2,
      otherMatches: 0,
      oversPerSide: 3,
    });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('sends one message per ball, and the last one parses to the ground truth', async () => {
    const [match] = sim.matches;
    if (!match?.teamId) throw new Error('the simulator has no club match');
    const queue = createRecordingQueue();
    const watcher = new Watcher({ queue, logger: createMemoryLogger(), timing: TIMING });
    watcher.add({ url: match.url, matchId: match.matchId, teamId: match.teamId });
    const finished = watcher.run();

    // Before the first ball there is no scorecard: nothing to send.
    await pause(300);
    expect(queue.of(match.matchId)).toHaveLength(0);
    const steps = 15;
    for (let ball = 1; ball <= steps; ball++) {
      sim.step(match.matchId);
      await queue.waitFor(match.matchId, (m) => m.length >= ball);
      await pause(60);
    }
    await pause(TIMING.safetyPollMs * 2);
    const messages = queue.of(match.matchId);
    expect(messages.map((m) => m.seq)).toEqual([...Array(steps).keys()].map((i) => i + 1));
    const last = messages.at(-1);
    if (!last) throw new Error('no message');
    expect(figures(parseScorecardHtml(last))).toEqual(figures(sim.truth(match.matchId)));

    await watcher.stop();
    await finished;
  });

  it('survives Chromium being SIGKILLed mid-match and still sends the final scorecard', async () => {
    const match = sim.matches[1];
    if (!match?.teamId) throw new Error('the simulator has no second club match');
    const queue = createRecordingQueue();
    const logger = createMemoryLogger();
    const watcher = new Watcher({ queue, logger, timing: TIMING });
    watcher.add({ url: match.url, matchId: match.matchId, teamId: match.teamId });
    const finished = watcher.run();

    sim.step(match.matchId, 6);
    await queue.waitFor(match.matchId, (m) => m.length >= 1);
    const killed = watcher.browserPid as number;
    process.kill(killed, 'SIGKILL');
    const killedAt = Date.now();
    const [before, after] = await queue.waitFor(match.matchId, (m) => m.length >= 2, 10_000);
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    expect(isAlive(killed)).toBe(false);
    expect(watcher.browserPid).not.toBe(killed);
    // Nothing changed while Chromium was down, yet the current state is sent again.
    expect(after).toMatchObject({
      seq: 2,
      headerHtml: before?.headerHtml,
      scorecardHtml: before?.scorecardHtml,
    });
    expect(logger.lines.filter((l) => l.message === 'browser relaunched')).toHaveLength(1);

    await until(() => watcher.statuses()[0]?.state === 'watching');
    sim.step(match.matchId, 3);
    const [, , third] = await queue.waitFor(match.matchId, (m) => m.length >= 3);
    expect(figures(parseScorecardHtml(third!))).toEqual(figures(sim.truth(match.matchId)));
    const { lastVersion, version } = sim.status().matches.find((m) => m.matchId === match.matchId)!;
    sim.step(match.matchId, lastVersion - version);
    await finished;
    const final = parseScorecardHtml(queue.of(match.matchId).at(-1)!);
    expect(final.status).toBe('complete');
    expect(figures(final)).toEqual(figures(sim.truth(match.matchId)));
    expect(watcher.matchIds).toEqual([]);
  });
});
