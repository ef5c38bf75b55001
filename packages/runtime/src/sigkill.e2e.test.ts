import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import { isSameProcessAlive, processIdentity, processTreePids } from '@live-scores/scraper';
import { startSimulator, type RunningSimulator } from '@live-scores/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from './local-system.ts';
import { eventually, testConfig } from './testing/harness.ts';

const CLI = fileURLToPath(new URL('../../cli/bin/live-scores.js', import.meta.url));

interface RunningCli {
  child: ChildProcess;
  url: Promise<string>;
  exited: Promise<number | null>;
}

/** `live-scores start` as an operator runs it: its own process, found by the URL it prints. */
function startCli(configFile: string, env: NodeJS.ProcessEnv): RunningCli {
  const child = spawn(process.execPath, [CLI, 'start', '--config', configFile, '--now'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.resume();
  const url = new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += String(chunk);
      const page = /page:\s+(http:\/\/\S+?)\/\s/.exec(text);
      if (page) resolve(page[1]!);
    });
    child.once('exit', (code) => reject(new Error(`live-scores start exited ${code} before serving`)));
  });
  url.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited };
}

const health = async (url: string): Promise<Health> =>
  (await fetch(`${url}/healthz`)).json() as Promise<Health>;

/**
 * The runtime killed with SIGKILL in the middle of a match: nothing it started may outlive
 * it (the scraper notices its parent is gone; Chromium's DevTools pipe closes), and a
 * restart picks the match up again without notifying anything twice.
 */
describe('the runtime killed with SIGKILL mid-match', () => {
  let simulator: RunningSimulator;
  let receiver: PushReceiver;
  let dir: string;
  let configFile: string;
  const env = (): NodeJS.ProcessEnv => ({ PUSH_ALLOWED_HOSTS: new URL(receiver.origin).host });
  const running: RunningCli[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sigkill-'));
    // Three overs a side at 40 times real speed: a match of about half a minute.
    simulator = await startSimulator({
      speed: 40,
      seed: 'sigkill',
      matches: 1,
      otherMatches: 0,
      oversPerSide: 3,
    });
    receiver = await startPushReceiver({ host: '127.0.0.1' });
    const dataDir = join(dir, 'data');
    const { server: _server, ...config } = testConfig({
      dataDir,
      league: { baseUrl: simulator.baseUrl, fixturesPath: new URL(simulator.fixturesUrl).pathname },
      teams: [{ id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' }],
      notifications: { oversInterval: 1 },
    });
    configFile = join(dir, 'live-scores.config.json');
    await writeFile(
      configFile,
      JSON.stringify({ ...config, server: { host: '127.0.0.1', port: 0, dataDir } }),
    );
  });

  afterAll(async () => {
    for (const cli of running) cli.child.kill('SIGKILL');
    await Promise.all([simulator?.close(), receiver?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves no scraper or Chromium behind, and the restart notifies nothing twice', async () => {
    const first = startCli(configFile, env());
    running.push(first);
    const url = await first.url;
    const supporter = receiver.createSubscription('/supporter');
    const subscribed = await fetch(`${url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: supporter.endpoint, keys: supporter.keys }),
    });
    expect(subscribed.status).toBe(201);

    // Mid-match: the scraper and its Chromium are up, and a notification or two has gone out.
    await eventually(
      'a scraper with its Chromium, and a notification',
      async () => {
        const [scraper] = (await health(url)).scrapers;
        return (
          scraper?.pid !== undefined &&
          processTreePids(scraper.pid).length > 2 &&
          receiver.received.length >= 2
        );
      },
      60_000,
    );
    const family = processTreePids(first.child.pid!)
      .map(processIdentity)
      .filter((id): id is string => id !== undefined);
    expect(family.length).toBeGreaterThan(3);

    first.child.kill('SIGKILL');
    await first.exited;
    await eventually(
      'every process the runtime started to end',
      () => !family.some(isSameProcessAlive),
      20_000,
    );

    const second = startCli(configFile, env());
    running.push(second);
    const restartedUrl = await second.url;
    await eventually(
      'the match to finish after the restart',
      async () => {
        const now = await health(restartedUrl);
        return (
          now.lastScorecards.some((s) => s.status === 'complete') &&
          now.scrapers.length === 0 &&
          now.queues.every((q) => q.depth === 0)
        );
      },
      90_000,
    );
    const payloads = receiver.received.map((push) => JSON.stringify(push.payload));
    expect(payloads.length).toBeGreaterThan(2);
    expect(new Set(payloads).size).toBe(payloads.length);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 240_000);
});
