import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSanityCms, SanityStub } from '@live-scores/cms-sanity';
import { createMemoryLogger, matchDay, matchScorecardKey } from '@live-scores/core';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import { receiveLiveMessage, type LiveMessage, type Scorecard } from '@live-scores/schema';
import { processTreePids } from '@live-scores/scraper';
import { startSimulator, type RunningSimulator } from '@live-scores/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startRuntime, type Runtime } from './runtime.ts';
import { createRecordingFeed, eventually, isRunning, testConfig } from './testing/harness.ts';

/**
 * The whole system on loopback with real parts: the simulated league site, the real scraper
 * as a child process driving real Chromium, the embedded queues and topic, a WebSocket client
 * as the page, a push service that decrypts what it receives, and a Sanity API stand-in.
 */
describe('the single-machine runtime, end to end', () => {
  const sanity = new SanityStub();
  const feed = createRecordingFeed();
  let simulator: RunningSimulator;
  let receiver: PushReceiver;
  let runtime: Runtime;
  let dataDir: string;
  let socket: WebSocket;
  // What the page held after each frame: full scorecards, and diffs applied to the card before.
  const seen: Scorecard[] = [];
  const cards = new Map<string, Scorecard>();
  let gaps = 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'runtime-e2e-'));
    // About six seconds of cricket: three overs a side at 250 times real speed.
    simulator = await startSimulator({
      speed: 250,
      seed: 'runtime-e2e',
      matches: 1,
      otherMatches: 1,
      oversPerSide: 3,
    });
    // Play waits for the scraper (however long Chromium takes to start on a busy machine),
    // so the page sees the match unfold rather than only its end.
    simulator.pause();
    for (const match of simulator.matches) simulator.step(match.matchId, 6);
    receiver = await startPushReceiver({ host: '127.0.0.1' });
    const apiHost = await sanity.start();
    sanity.docs = [
      {
        _id: 'fx-1',
        _rev: sanity.nextRev(),
        _type: 'fixture',
        team: 'firstTeam',
        date: matchDay(new Date(), 'Europe/London'),
      },
    ];
    const config = testConfig({
      dataDir,
      league: { baseUrl: simulator.baseUrl, fixturesPath: new URL(simulator.fixturesUrl).pathname },
      teams: [{ id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' }],
      notifications: { oversInterval: 1 },
    });
    runtime = await startRuntime({
      config,
      logger: createMemoryLogger('e2e'),
      feed,
      env: { PUSH_ALLOWED_HOSTS: new URL(receiver.origin).host },
      cms: createSanityCms({
        projectId: 'club',
        dataset: 'production',
        apiVersion: 'v2025-02-19',
        fixtureType: 'fixture',
        token: 't',
        apiHost,
      }),
      oversPerSide: 3,
    });
    socket = new WebSocket(`${runtime.url.replace('http', 'ws')}/live`);
    socket.on('message', (data) => {
      const card = receiveLiveMessage(cards, JSON.parse(String(data)) as LiveMessage);
      if (card === 'gap') gaps++;
      else seen.push(card);
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  });

  afterAll(async () => {
    socket?.close();
    await runtime?.close();
    await Promise.all([simulator?.close(), receiver?.close(), sanity.stop()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('follows a match from discovery to result: page, pushes, CMS, and the scraper gone', async () => {
    const supporter = receiver.createSubscription('/supporter');
    const subscribed = await fetch(`${runtime.url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: supporter.endpoint, keys: supporter.keys }),
    });
    expect(subscribed.status).toBe(201);
    await receiver.waitForReceived(1, 5_000);

    const { found } = await runtime.system.findFixtures();
    const [match] = simulator.matches.filter((m) => m.teamId === 'firstTeam');
    expect(found.map((f) => f.matchId)).toEqual([match!.matchId]);
    await eventually(
      'the scraper process',
      async () => (await runtime.system.health()).scrapers.length === 1,
    );
    const scraperPid = (await runtime.system.health()).scrapers[0]!.pid!;
    let scraperTree: number[] = [];
    await eventually(
      'the scraper to start Chromium',
      () => (scraperTree = processTreePids(scraperPid)).length > 2,
    );
    await eventually(
      'the first scorecard from the scraper',
      async () => (await runtime.system.health()).lastScorecards.length === 1,
      30_000,
    );
    simulator.resume();

    await eventually(
      'the match to finish and its scraper to stop',
      async () => {
        const fixture = await runtime.system.fixtures.get(
          matchDay(new Date(), 'Europe/London'),
          match!.matchId,
        );
        return fixture?.status === 'complete' && (await runtime.system.fleet.list()).length === 0;
      },
      40_000,
    );
    await runtime.system.idle();

    // The page saw the scorecards oldest first, each once, from the opening one to the stored
    // final one, with no diff it could not apply. How many lie between depends on how the
    // scraper's window coalesced the balls: on a busy machine, several balls make one change.
    const seqs = seen.map((s) => s.seq);
    expect(gaps).toBe(0);
    expect(seqs.length).toBeGreaterThanOrEqual(2);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const stored = await runtime.system.store.get(matchScorecardKey(match!.matchId));
    expect(seen.at(-1)).toEqual(stored);
    expect(stored).toMatchObject({ status: 'complete', result: simulator.truth(match!.matchId).result });

    // The supporter got the confirmation first, then each notification exactly once.
    await receiver.waitForReceived(1 + feed.events.length, 5_000);
    const payloads = receiver.received.map((p) => p.payload as { kind: string; title: string; body: string });
    expect(payloads[0]).toMatchObject({ kind: 'subscribed', title: 'Subscribed to 1st XI live scores' });
    expect(
      payloads
        .slice(1)
        .map((p) => `${p.title}|${p.body}`)
        .sort(),
    ).toEqual(feed.events.map((e) => `${e.title}|${e.body}`).sort());
    expect(new Set(feed.events.map((e) => e.id)).size).toBe(feed.events.length);
    expect(payloads.filter((p) => p.kind === 'result')).toHaveLength(1);

    // The match report is written once, served on the page's API, and beside the result on the club's website.
    await runtime.system.idle();
    const served = await fetch(`${runtime.url}/api/matches/${match!.matchId}/report`);
    expect(served.status).toBe(200);
    const report = (await served.json()) as { title: string; body: string };
    expect(report).toMatchObject({ matchId: match!.matchId, teamId: 'firstTeam', generatedBy: 'template' });
    expect(await runtime.system.reports.get(match!.matchId)).toEqual(report);
    expect((await fetch(`${runtime.url}/api/matches/999999/report`)).status).toBe(404);

    // The club's website has the result and the report, each once.
    await eventually('the result and the report to reach the CMS', () => sanity.applied.length === 2);
    expect(sanity.docs[0]).toMatchObject({
      liveScoresMatchId: match!.matchId,
      result: stored!.result,
      liveScoresReportMatchId: match!.matchId,
      matchReport: { title: report.title, body: report.body },
    });

    // The scraper and its Chromium are gone.
    await eventually(
      'every process of the scraper to exit',
      () => scraperTree.filter(isRunning).length === 0,
      5_000,
    );
    expect(isRunning(scraperPid)).toBe(false);
    expect((await runtime.system.health()).scrapers).toEqual([]);

    const api = (await (await fetch(`${runtime.url}/api/scorecards/firstTeam`)).json()) as Scorecard;
    expect(api).toEqual(stored);
  });
});
