import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger, teamScorecardKey } from '@live-scores/core';
import {
  createFileFixturesTable,
  createFileQueueStores,
  createFileScorecardStore,
  createFileSubscriptionStore,
  DATABASE_FILE,
  IMPORTED_DIR,
  openLocalDatabase,
} from '@live-scores/local';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import { Scorecard } from '@live-scores/schema';
import { scorecard } from '@live-scores/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runDlqCommand } from './dlq-command.ts';
import type { Runtime } from './runtime.ts';
import { startTestRuntime } from './testing/harness.ts';
import { VAPID_KEYS_FILE } from './vapid-keys.ts';

const dirs: string[] = [];
const running: Runtime[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'runtime-storage-'));
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
afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.close();
});
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const keys = {
  p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'),
  auth: Buffer.alloc(16, 2).toString('base64url'),
};
const sub = (n: number) => ({ endpoint: `https://fcm.googleapis.com/fcm/send/${n}`, keys });
const noScraper = { pages: [], intervalMs: 20 };

describe('a data dir written by the JSON stores', () => {
  it('is imported on first start, its files moved aside, and never imported twice', async () => {
    const dataDir = await tempDir();
    const subscriptions = createFileSubscriptionStore(join(dataDir, 'subscriptions.json'));
    await subscriptions.put(sub(1));
    await subscriptions.put({ ...sub(2), preferences: { teams: ['secondTeam'] } });
    const fixtures = createFileFixturesTable(join(dataDir, 'fixtures.json'));
    await fixtures.putIfNew({
      date: '2026-01-03',
      matchId: '6100001',
      teamId: 'firstTeam',
      url: 'https://example.org/m/6100001',
    });
    const card = Scorecard.parse(scorecard({ matchId: '6100001', status: 'complete' }));
    await createFileScorecardStore(dataDir).putIfNewer(teamScorecardKey('2026-01-03', 'firstTeam'), card);
    const cms = createFileQueueStores(join(dataDir, 'queues'), 'update-cms', Scorecard);
    await cms.deadLetters.update(() => ({
      value: [
        {
          queue: 'update-cms',
          message: card,
          reason: 'CMS is down',
          receiveCount: 3,
          deadAt: new Date().toISOString(),
        },
      ],
      result: undefined,
    }));

    const { runtime, logger } = await start({ dataDir, scraper: noScraper });
    expect((await runtime.system.subscriptions.listPage()).subscriptions.map((s) => s.endpoint)).toEqual([
      sub(1).endpoint,
      sub(2).endpoint,
    ]);
    expect(await runtime.system.fixtures.get('2026-01-03', '6100001')).toMatchObject({ status: 'live' });
    expect(await runtime.system.store.listDay('2026-01-03')).toEqual([card]);
    expect((await runtime.system.health()).queues.find((q) => q.queue === 'update-cms')?.deadLetters).toBe(1);
    expect(
      logger.lines.find((l) => l.message === 'imported the JSON stores into the database'),
    ).toMatchObject({
      subscriptions: 2,
      fixtures: 1,
      scorecards: 1,
      deadLetters: 1,
    });
    for (const file of ['subscriptions.json', 'fixtures.json', 'queues/update-cms.dead-letters.json']) {
      expect(existsSync(join(dataDir, file))).toBe(false);
      expect(existsSync(join(dataDir, IMPORTED_DIR, file))).toBe(true);
    }
    expect(existsSync(join(dataDir, VAPID_KEYS_FILE))).toBe(true);
    await stop(runtime);

    const { runtime: again } = await start({ dataDir, scraper: noScraper });
    expect((await again.system.subscriptions.listPage()).subscriptions).toHaveLength(2);
    expect((await again.system.health()).deadLetters).toBe(1);
    await stop(again);

    const listed: string[] = [];
    expect(await runDlqCommand(['list', '--data-dir', dataDir], { out: (l) => void listed.push(l) })).toBe(0);
    expect(listed).toEqual([
      'update-cms: 1 dead letter(s)',
      expect.stringMatching(/match 6100001 .*CMS is down$/),
    ]);
  });
});

describe('the database', () => {
  let receiver: PushReceiver;
  beforeAll(async () => {
    receiver = await startPushReceiver({ host: '127.0.0.1' });
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('is private to its owner, holds the data dir, and reports its size on /healthz', async () => {
    const dataDir = await tempDir();
    const { runtime } = await start({ dataDir, scraper: noScraper });
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dataDir, DATABASE_FILE))).mode & 0o777).toBe(0o600);
    await expect(start({ dataDir, scraper: noScraper })).rejects.toThrow(
      `the runtime (pid ${process.pid}) is using the data dir ${dataDir}`,
    );
    const health = (await (await fetch(`${runtime.url}/healthz`)).json()) as { database: unknown };
    expect(health.database).toEqual({ status: 'ok', bytes: expect.any(Number) });
    expect((health.database as { bytes: number }).bytes).toBeGreaterThan(0);
  });

  it('when the disk fills: one log line, /healthz says so, new subscriptions get 503, and nothing stored is lost', async () => {
    const dataDir = await tempDir();
    const env = { PUSH_ALLOWED_HOSTS: new URL(receiver.origin).host };
    await stop((await start({ dataDir, scraper: noScraper })).runtime);
    const probe = openLocalDatabase(dataDir, { logger: createMemoryLogger() });
    const pages = probe.sql.prepare('PRAGMA page_count').pluck().get() as number;
    probe.close();

    const { runtime, logger } = await start({
      dataDir,
      env,
      scraper: noScraper,
      databaseMaxPages: pages + 3,
    });
    const subscribe = async (url: string, n: number): Promise<number> => {
      const subscription = receiver.createSubscription(`/full/${n}/${'x'.repeat(900)}`);
      const response = await fetch(`${url}/api/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ endpoint: subscription.endpoint, keys: subscription.keys }),
      });
      return response.status;
    };
    const statuses: number[] = [];
    for (let n = 0; n < 25 && statuses.at(-1) !== 503; n++) statuses.push(await subscribe(runtime.url, n));
    expect(statuses.at(-1)).toBe(503);
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(await subscribe(runtime.url, 99)).toBe(503);

    const health = (await (await fetch(`${runtime.url}/healthz`)).json()) as { database: unknown };
    expect(health.database).toMatchObject({ status: 'full', error: 'database or disk is full' });
    expect(logger.lines.filter((l) => String(l.message).startsWith('database full'))).toHaveLength(1);
    const stored = (await runtime.system.subscriptions.listPage()).subscriptions;
    expect(stored).toHaveLength(statuses.length - 1);
    await stop(runtime);

    const { runtime: restarted } = await start({ dataDir, env, scraper: noScraper });
    expect((await restarted.system.subscriptions.listPage()).subscriptions).toEqual(stored);
    expect(await subscribe(restarted.url, 100)).toBe(201);
  });
});
