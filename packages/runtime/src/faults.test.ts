import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger, matchScorecardKey, type Cms, type MatchResultRecord } from '@live-scores/core';
import { openLocalDatabase } from '@live-scores/local';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runDlqCommand } from './dlq-command.ts';
import type { Runtime } from './runtime.ts';
import { runStartCommand } from './start-command.ts';
import { StartupError } from './startup-error.ts';
import { startRuntime } from './runtime.ts';
import {
  createRecordingFeed,
  eventually,
  isRunning,
  SATURDAY_MATCHES,
  startTestRuntime,
  testConfig,
} from './testing/harness.ts';

const dirs: string[] = [];
const running: Runtime[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'runtime-faults-'));
  dirs.push(dir);
  return dir;
}
async function start(...args: Parameters<typeof startTestRuntime>) {
  const started = await startTestRuntime(...args);
  running.push(started.runtime);
  return started;
}
async function stop(runtime: Runtime): Promise<void> {
  running.splice(running.indexOf(runtime), 1);
  await runtime.close();
}
const allFinal = (runtime: Runtime) => async () =>
  (await runtime.system.fleet.list()).length === 0 &&
  (await runtime.system.fixtures.listLive(new Date().toISOString().slice(0, 10))).length === 0;

afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.close();
});
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('a consumer that keeps failing', () => {
  it('is retried, then its messages are dead-lettered, and the other consumers carry on', async () => {
    const dataDir = await tempDir();
    const attempts: string[] = [];
    const downCms: Cms = {
      recordResult: async (record) => {
        attempts.push(record.matchId);
        throw new Error('CMS is down');
      },
      recordReport: async () => 'recorded',
    };
    const { runtime } = await start({
      dataDir,
      scraper: { pages: ['03-early-no-wicket.html', '07-won-by-wickets.html'], intervalMs: 20 },
      cms: downCms,
    });
    await runtime.system.findFixtures();
    await eventually('both matches to finish and their scraper to stop', allFinal(runtime));
    await runtime.system.idle();

    const health = await runtime.system.health();
    expect(health.queues.find((q) => q.queue === 'update-cms')).toEqual({
      queue: 'update-cms',
      depth: 0,
      deadLetters: 2,
    });
    expect(health.queues.filter((q) => q.deadLetters > 0).map((q) => q.queue)).toEqual(['update-cms']);
    expect(attempts.sort()).toEqual([...SATURDAY_MATCHES, ...SATURDAY_MATCHES, ...SATURDAY_MATCHES].sort());
    for (const matchId of SATURDAY_MATCHES)
      expect(await runtime.system.store.get(matchScorecardKey(matchId))).toMatchObject({
        status: 'complete',
      });
    const refusals: string[] = [];
    const replayWhileRunning = await runDlqCommand(['replay', '--data-dir', dataDir], {
      out: () => undefined,
      err: (line) => void refusals.push(line),
    });
    expect([replayWhileRunning, refusals]).toEqual([
      1,
      [
        `live-scores dlq: the runtime (pid ${process.pid}) is using ${dataDir}; stop it, replay, then start it again`,
      ],
    ]);
    await stop(runtime);

    const listed: string[] = [];
    expect(await runDlqCommand(['list', '--data-dir', dataDir], { out: (l) => void listed.push(l) })).toBe(0);
    expect(listed[0]).toBe('update-cms: 2 dead letter(s)');
    const deadLetterLine =
      /^ {2}\S+ {2}match 6123\d{3} (firstTeam|secondTeam) seq \d+ {2}after 3 tries: CMS is down$/;
    expect(listed).toEqual([
      'update-cms: 2 dead letter(s)',
      expect.stringMatching(deadLetterLine),
      expect.stringMatching(deadLetterLine),
    ]);

    // Re-driven once the CMS is back: each result recorded once.
    expect(
      await runDlqCommand(['replay', 'update-cms', '--data-dir', dataDir], { out: () => undefined }),
    ).toBe(0);
    const recorded: MatchResultRecord[] = [];
    const { runtime: restarted } = await start({
      dataDir,
      scraper: { pages: [], intervalMs: 20 },
      cms: {
        recordResult: async (record) => (recorded.push(record), 'recorded'),
        recordReport: async () => 'recorded',
      },
    });
    await eventually('the replayed results to reach the CMS', () => recorded.length === 2);
    await restarted.system.idle();
    expect(recorded.map((r) => [r.matchId, r.result]).sort()).toEqual([
      ['6123408', expect.stringMatching(/WON BY/)],
      ['6123456', expect.stringMatching(/WON BY/)],
    ]);
    expect((await restarted.system.health()).deadLetters).toBe(0);
  });
});

describe('a scraper process that is killed', () => {
  it('is restarted, watches again, and the final scorecards still arrive', async () => {
    const dataDir = await tempDir();
    const { runtime, logger } = await start({
      dataDir,
      scraper: {
        pages: ['03-early-no-wicket.html', '04-mid-innings.html', '07-won-by-wickets.html'],
        intervalMs: 250,
      },
    });
    await runtime.system.findFixtures();
    await eventually(
      'the first scorecard',
      async () => (await runtime.system.health()).lastScorecards.length > 0,
    );
    const [host] = await runtime.system.fleet.list();
    const killed = runtime.system.fleet.pidOf(host!.id)!;
    process.kill(killed, 'SIGKILL');

    await eventually('a new scraper process', () => {
      const pid = runtime.system.fleet.pidOf(host!.id);
      return pid !== undefined && pid !== killed && isRunning(pid);
    });
    const health = await runtime.system.health();
    expect(health.scrapers).toEqual([
      {
        hostId: host!.id,
        pid: expect.any(Number),
        alive: true,
        matchIds: expect.arrayContaining(SATURDAY_MATCHES),
      },
    ]);
    expect(logger.lines.some((l) => l.message === 'scraper process died; restarting')).toBe(true);

    await eventually('both matches to finish', allFinal(runtime));
    for (const matchId of SATURDAY_MATCHES)
      expect(await runtime.system.store.get(matchScorecardKey(matchId))).toMatchObject({
        status: 'complete',
        result: expect.stringMatching(/WON BY/),
      });
    expect(isRunning(killed)).toBe(false);
  });
});

describe('the whole runtime restarted mid-match', () => {
  let receiver: PushReceiver;
  beforeAll(async () => {
    receiver = await startPushReceiver({ host: '127.0.0.1' });
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('keeps subscriptions, rules state and scorecards, re-watches the matches, and notifies nothing twice', async () => {
    const dataDir = await tempDir();
    const env = { PUSH_ALLOWED_HOSTS: new URL(receiver.origin).host };

    const first = await start({ dataDir, env, scraper: { pages: ['04-mid-innings.html'], intervalMs: 20 } });
    const subscription = receiver.createSubscription('/supporter');
    const response = await fetch(`${first.runtime.url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: subscription.endpoint, keys: subscription.keys }),
    });
    expect(response.status).toBe(201);
    await first.runtime.system.findFixtures();
    await eventually(
      'both mid-innings scorecards',
      async () => (await first.runtime.system.health()).lastScorecards.length === 2,
    );
    await first.runtime.system.idle();
    const beforeRestart = first.feed.events.map((e) => e.id);
    expect(beforeRestart.length).toBeGreaterThan(0);
    await receiver.waitForReceived(1 + beforeRestart.length, 5_000);
    const scorecardsBefore = await first.runtime.system.store.listDay(new Date().toISOString().slice(0, 10));
    await stop(first.runtime);
    const stopped = openLocalDatabase(dataDir, { logger: createMemoryLogger() });
    const rulesBefore = stopped.sql
      .prepare('SELECT match_id FROM rules_state ORDER BY match_id')
      .pluck()
      .all();
    stopped.close();

    // The restarted scraper starts from scratch: it sends an older state again, then the rest.
    const second = await start({
      dataDir,
      env,
      scraper: {
        pages: ['03-early-no-wicket.html', '04-mid-innings.html', '07-won-by-wickets.html'],
        intervalMs: 20,
      },
    });
    expect((await second.runtime.system.health()).lastScorecards.map((s) => s.matchId).sort()).toEqual(
      SATURDAY_MATCHES,
    );
    expect(rulesBefore).toEqual(SATURDAY_MATCHES);
    expect(scorecardsBefore).toHaveLength(2);
    expect(
      (await second.runtime.system.subscriptions.listPage()).subscriptions.map((s) => s.endpoint),
    ).toEqual([subscription.endpoint]);
    expect(second.feed.lines).toContain('re-watching live match 6123408, 6123456 after a restart');

    await eventually('both matches to finish', allFinal(second.runtime));
    await second.runtime.system.idle();
    const afterRestart = second.feed.events.map((e) => e.id);
    expect(afterRestart.filter((id) => beforeRestart.includes(id))).toEqual([]);
    expect(second.feed.events.filter((e) => e.kind === 'result')).toHaveLength(2);
    await receiver.waitForReceived(1 + beforeRestart.length + afterRestart.length, 5_000);
    const tags = receiver.received.map((p) => JSON.stringify(p.payload));
    expect(new Set(tags).size).toBe(tags.length);
    expect(receiver.received).toHaveLength(1 + beforeRestart.length + afterRestart.length);
  });
});

describe('start-up refusals', () => {
  it('stops with one clear line when the data dir cannot be written, every time it is started', async () => {
    const dir = await tempDir();
    const notADirectory = join(dir, 'a-file');
    await writeFile(notADirectory, 'x');
    const configFile = join(dir, 'live-scores.config.json');
    const { server: _server, ...config } = testConfig({ dataDir: join(notADirectory, 'data') });
    await writeFile(
      configFile,
      JSON.stringify({ ...config, server: { port: 0, dataDir: join(notADirectory, 'data') } }),
    );

    for (let attempt = 0; attempt < 2; attempt++) {
      const errors: string[] = [];
      const code = await runStartCommand(['--config', configFile], {
        out: () => undefined,
        err: (line) => void errors.push(line),
        env: {},
        stopRequested: new Promise(() => undefined),
      });
      expect(code).toBe(78);
      expect(errors).toEqual([
        `live-scores start: data dir ${join(notADirectory, 'data')} is not writable: a path component is not a directory (ENOTDIR)`,
      ]);
    }
  });

  const quietly = (errors: string[], out: string[] = []) => ({
    out: (line: string) => void out.push(line),
    err: (line: string) => void errors.push(line),
    env: {},
    stopRequested: new Promise<string>(() => undefined),
  });

  it("never plays the demo in a club's data dir, nor runs the club in the demo's, with one line each", async () => {
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    const configFile = join(dir, 'live-scores.config.json');
    const { server: _server, ...config } = testConfig({ dataDir });
    await writeFile(configFile, JSON.stringify({ ...config, server: { port: 0, dataDir } }));
    // The club's data dir, as a real run leaves it.
    await mkdir(dataDir);
    await writeFile(
      join(dataDir, 'data-dir.json'),
      JSON.stringify({ mode: 'club', club: 'cleckheaton-test', since: '2026-05-02T11:00:00.000Z' }),
    );

    const errors: string[] = [];
    const out: string[] = [];
    const code = await runStartCommand(['--demo'], { ...quietly(errors, out), env: { DATA_DIR: dataDir } });
    expect(code).toBe(78);
    expect(out[0]).toBe('mode:     demo (--demo)');
    expect(errors).toEqual([
      `live-scores start: data dir ${dataDir} belongs to the club "cleckheaton-test" (since 2026-05-02T11:00:00.000Z); the demo needs a data dir of its own (set DATA_DIR or server.dataDir)`,
    ]);

    await writeFile(
      join(dataDir, 'data-dir.json'),
      JSON.stringify({ mode: 'demo', club: 'cleckheaton-demo', since: '2026-05-02T11:00:00.000Z' }),
    );
    const clubErrors: string[] = [];
    const clubOut: string[] = [];
    expect(await runStartCommand(['--config', configFile], quietly(clubErrors, clubOut))).toBe(78);
    expect(clubOut[0]).toBe(`mode:     club — Cleckheaton CC, 2 team(s), config ${configFile}`);
    expect(clubErrors).toEqual([
      `live-scores start: data dir ${dataDir} belongs to the demo (since 2026-05-02T11:00:00.000Z); the club "cleckheaton-test" needs a data dir of its own (set DATA_DIR or server.dataDir)`,
    ]);
  });

  it('stops on a configuration it cannot read rather than falling back to the demo', async () => {
    const dir = await tempDir();
    const configFile = join(dir, 'live-scores.config.json');
    await mkdir(configFile);
    const errors: string[] = [];
    const out: string[] = [];
    expect(await runStartCommand(['--config', configFile], quietly(errors, out))).toBe(78);
    expect(errors).toEqual([
      `live-scores start: ${configFile}: cannot read: is a directory, not a file (EISDIR)`,
    ]);
    expect(out.some((line) => line.includes('demo'))).toBe(false);
    expect(await runStartCommand(['--demo', '--config', configFile], quietly([], []))).toBe(2);
  });

  it('refuses to start on a corrupt state file, naming it, and never resets it', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'rules-state.json');
    await writeFile(file, '{"6123456": {"state": ');
    for (let attempt = 0; attempt < 2; attempt++) {
      const attemptRun = startRuntime({
        config: testConfig({ dataDir }),
        logger: createMemoryLogger(),
        feed: createRecordingFeed(),
        env: {},
        fixturesPage: { fetchHtml: async () => '' },
      });
      await expect(attemptRun).rejects.toThrow(StartupError);
      await expect(attemptRun).rejects.toThrow(`corrupt state file, not starting: ${file}: not valid JSON`);
    }
    expect(await readFile(file, 'utf8')).toBe('{"6123456": {"state": ');
  });

  it('names a queue journal that is not what the queue holds', async () => {
    const dataDir = await tempDir();
    const journal = join(dataDir, 'queues', 'html.journal.json');
    await mkdir(join(dataDir, 'queues'));
    await writeFile(
      journal,
      JSON.stringify([{ id: 'x', message: { matchId: 'not digits' }, receiveCount: 0 }]),
    );
    await expect(startTestRuntime({ dataDir, scraper: { pages: [], intervalMs: 20 } })).rejects.toThrow(
      new RegExp(`corrupt state file, not starting: ${journal}: `),
    );
  });
});
