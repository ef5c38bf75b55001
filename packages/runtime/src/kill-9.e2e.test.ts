import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryLogger, endpointDigest, ENDPOINT_DIGEST_BYTES } from '@live-scores/core';
import { createSqliteSubscriptionStore, openLocalDatabase } from '@live-scores/local';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from './local-system.ts';
import { shuffled } from '@live-scores/test-support';
import { WEB_PUBLIC_DIR } from './static-files.ts';
import { bundleKillTarget } from './testing/bundle-kill-target.ts';
import { eventually, testConfig, testPage } from './testing/harness.ts';

const FAKE_SCRAPER = fileURLToPath(new URL('../../local/src/testing/fake-scraper.mjs', import.meta.url));

const KILLS = 50;
const SUBSCRIBERS = 10_000;
/** Receiver key pairs the subscribers share (each keeps its own endpoint). */
const KEY_PAIRS = 16;
/** Subscriptions per push job (the fan-out's default): what one kill can cost at most. */
const JOB_SIZE = 200;
/**
 * Each run is killed this long after it answered `/healthz` ok: 50 moments from 100 ms to
 * 1.2 s, shuffled. A message a run dies in is delivered first by the next; killed before it
 * could finish five runs in a row, it would be dead-lettered as a poison message.
 */
const KILL_AFTER_MS = shuffled(
  Array.from({ length: KILLS }, (_, i) => 100 + Math.round((i * 1100) / Math.max(1, KILLS - 1))),
  2026,
);
/** Every this many subscribers follows everything; the rest want the result only. */
const FOLLOWS_EVERYTHING_EVERY = 500;
/** The simulated day: one match's pages, one every this many ms from the first start. */
const PAGES = ['05-innings-break.html', '06-second-innings-chase.html', '07-won-by-wickets.html'];
const PAGE_INTERVAL_MS = 2_000;

interface Run {
  child: ChildProcess;
  url: Promise<string>;
  exited: Promise<void>;
  stderrTail: string[];
}

function startRun(target: string, configFile: string, env: NodeJS.ProcessEnv): Run {
  const args = [target, configFile, testPage('fixtures-saturday.html'), FAKE_SCRAPER, WEB_PUBLIC_DIR];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderrTail: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    stderrTail.push(String(chunk));
    if (stderrTail.length > 20) stderrTail.shift();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += String(chunk);
      const found = /^url (\S+)/m.exec(text);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`runtime exited (${code ?? signal}) before serving: ${stderrTail.join('')}`)),
    );
  });
  url.catch(() => undefined);
  return { child, url, exited, stderrTail };
}

const health = async (url: string): Promise<Health & { status: string }> =>
  (await fetch(`${url}/healthz`)).json() as Promise<Health & { status: string }>;

/** The endpoint digests each event's jobs claimed, by event id (a job's key is `<eventId>#<slice>@<attempt>`). */
function claimsByEvent(rows: { key: string; claimed: Buffer }[]): Map<string, Set<string>> {
  const byEvent = new Map<string, Set<string>>();
  for (const { key, claimed } of rows) {
    const eventId = key.slice(0, key.lastIndexOf('#'));
    const held = byEvent.get(eventId) ?? new Set<string>();
    byEvent.set(eventId, held);
    for (let at = 0; at < claimed.length; at += ENDPOINT_DIGEST_BYTES)
      held.add(claimed.subarray(at, at + ENDPOINT_DIGEST_BYTES).toString('base64'));
  }
  return byEvent;
}

/**
 * The runtime killed with SIGKILL at 50 seeded moments of a match day while it notifies its
 * subscribers, restarted each time. After every kill the database is sound
 * (`PRAGMA integrity_check`), and each restart answers `/healthz` ok within 5 s. At the end
 * no subscriber got any notification twice, and nothing acknowledged was lost: every
 * event in the event log was claimed for every subscriber that wants it (reached, or claimed
 * by a job a kill cut short: at most one job of 200 per kill, the at-most-once rule).
 *
 * What was given up to stay well under 3 minutes on a busy 2-core machine, where a start of
 * the runtime alone takes 1 to 4 s: the pushes. Of the 10,000 subscribers every 500th
 * follows everything and the rest want the result only, so the day is about 10,500 pushes
 * (28 events), not 28 × 10,000; the result's fan-out (50 jobs) is what most kills land in.
 * The 50 kills are kept. The runtime is its own process, bundled once (see
 * bundle-kill-target.ts), with the stand-in scraper replaying three saved pages on a
 * wall-clock schedule (no Chromium to start after each kill), the subscriptions stored in
 * the database up front, and 16 receiver key pairs shared by all (endpoints told apart by
 * their query). Each run is killed 100 ms to 1.2 s after it is healthy and has got on with
 * the day (see `workedOn`).
 */
describe('the runtime killed with kill -9 fifty times while it notifies 10,000 subscribers', () => {
  let receiver: PushReceiver;
  let dir: string;
  let dataDir: string;
  let configFile: string;
  let target: string;
  const runs: Run[] = [];
  const endpoints: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kill-9-'));
    target = await bundleKillTarget();
    dataDir = join(dir, 'data');
    receiver = await startPushReceiver({ host: '127.0.0.1' });
    const pairs = Array.from({ length: KEY_PAIRS }, (_, k) => receiver.createSubscription(`/pair/${k}`));
    const db = openLocalDatabase(dataDir, { logger: createMemoryLogger() });
    const subscriptions = createSqliteSubscriptionStore(db);
    await Promise.all(
      Array.from({ length: SUBSCRIBERS }, (_, n) => {
        const pair = pairs[n % KEY_PAIRS]!;
        const endpoint = `${pair.endpoint}?subscriber=${n}`;
        endpoints.push(endpoint);
        const preferences = n % FOLLOWS_EVERYTHING_EVERY === 0 ? undefined : { kinds: ['result' as const] };
        return subscriptions.put({ endpoint, keys: pair.keys, ...(preferences ? { preferences } : {}) });
      }),
    );
    db.close();
    const { server: _server, ...config } = testConfig({
      dataDir,
      teams: [{ id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' }],
    });
    configFile = join(dir, 'live-scores.config.json');
    await writeFile(
      configFile,
      JSON.stringify({ ...config, server: { host: '127.0.0.1', port: 0, dataDir } }),
    );
  }, 60_000);

  afterAll(async () => {
    for (const run of runs) run.child.kill('SIGKILL');
    await receiver?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends nothing twice, loses nothing acknowledged, and comes back sound and healthy each time', async () => {
    const started = Date.now();
    const env: NodeJS.ProcessEnv = {
      PUSH_ALLOWED_HOSTS: new URL(receiver.origin).host,
      FAKE_SCRAPER_PAGES: PAGES.map(testPage).join(','),
      FAKE_SCRAPER_INTERVAL_MS: String(PAGE_INTERVAL_MS),
      FAKE_SCRAPER_DAY_START: String(started),
      LOG_LEVEL: 'warn',
    };
    const upMs: number[] = [];
    const integrity: string[] = [];
    const start = async (): Promise<string> => {
      const spawned = Date.now();
      const run = startRun(target, configFile, env);
      runs.push(run);
      const url = await run.url;
      let last: unknown;
      await eventually(
        '/healthz ok after the restart',
        async () => ((last = await health(url)) as { status: string }).status === 'ok',
        5_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify(last)}`);
      });
      upMs.push(Date.now() - spawned);
      return url;
    };

    const backlog = (now: Health) => now.queues.reduce((sum, q) => sum + q.depth, 0);
    /**
     * Until the run has got on with the day: a push delivered or the backlog shrunk since it
     * was healthy, or nothing left to do. A run killed before doing anything only counts
     * against the messages it was handed; a few such kills in a row on a slow machine and
     * those would be dead-lettered as poison, which is what a crash loop is for, not this.
     */
    const workedOn = async (url: string): Promise<void> => {
      const pushes = receiver.received.length;
      const waiting = backlog(await health(url));
      await eventually(
        'the run to get on with the day',
        async () => {
          const now = backlog(await health(url));
          return now === 0 || now < waiting || receiver.received.length > pushes;
        },
        30_000,
      );
    };

    for (let kill = 0; kill < KILLS; kill++) {
      const url = await start();
      await workedOn(url);
      await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS[kill]));
      const run = runs.at(-1)!;
      run.child.kill('SIGKILL');
      await run.exited;
      const db = openLocalDatabase(dataDir, { logger: createMemoryLogger() });
      integrity.push(db.integrityCheck());
      db.close();
    }
    const killedAt = Date.now();

    const url = await start();
    await eventually(
      'the match to finish and every queue to empty after the last restart',
      async () => {
        const now = await health(url);
        return (
          now.lastScorecards.some((s) => s.status === 'complete') &&
          now.scrapers.length === 0 &&
          now.queues.every((q) => q.depth === 0)
        );
      },
      90_000,
    );
    const final = await health(url);
    const last = runs.at(-1)!;
    last.child.kill('SIGTERM');
    await last.exited;

    const db = openLocalDatabase(dataDir, { logger: createMemoryLogger() });
    const events = (db.sql.prepare('SELECT event_id FROM event_log').pluck().all() as string[]).sort();
    const claims = claimsByEvent(
      db.sql.prepare('SELECT delivery_key AS key, claimed FROM delivery_claims').all() as {
        key: string;
        claimed: Buffer;
      }[],
    );
    db.close();

    const perSubscriberAndPush = new Map<string, number>();
    for (const push of receiver.received) {
      const key = `${push.endpoint} ${JSON.stringify(push.payload)}`;
      perSubscriberAndPush.set(key, (perSubscriberAndPush.get(key) ?? 0) + 1);
    }
    const twice = [...perSubscriberAndPush].filter(([, count]) => count > 1);
    const notifications = new Set(receiver.received.map((p) => JSON.stringify(p.payload)));
    const digests = endpoints.map((e) => endpointDigest(e).toString('base64'));
    const everything = digests.filter((_, n) => n % FOLLOWS_EVERYTHING_EVERY === 0);
    const wanting = (eventId: string): string[] => (eventId.endsWith(':result') ? digests : everything);
    const unclaimed = events.map((id) => [id, wanting(id).filter((d) => !claims.get(id)?.has(d)).length]);
    const overclaimed = events.map((id) => [id, (claims.get(id)?.size ?? 0) - wanting(id).length]);
    const wanted = events.reduce((sum, id) => sum + wanting(id).length, 0);
    const missed = wanted - receiver.received.length;

    process.stdout.write(
      `${JSON.stringify({
        kills: KILLS,
        seconds: Math.round((Date.now() - started) / 1000),
        killPhaseSeconds: Math.round((killedAt - started) / 1000),
        events: events.length,
        wanted,
        deliveries: receiver.received.length,
        notificationsSeen: notifications.size,
        duplicates: twice.length,
        missedByKills: missed,
        integrity: [...new Set(integrity)],
        slowestHealthyMs: Math.max(...upMs),
      })}\n`,
    );

    expect(integrity).toEqual(Array.from({ length: KILLS }, () => 'ok'));
    expect(Math.max(...upMs)).toBeLessThanOrEqual(5_000);
    expect(final.deadLetters).toBe(0);
    expect(events.length).toBeGreaterThan(2);
    expect(twice).toEqual([]);
    expect(unclaimed).toEqual(events.map((id) => [id, 0]));
    expect(overclaimed).toEqual(events.map((id) => [id, 0]));
    // At most once: what a kill costs is the rest of the job it cut short, never more.
    expect(missed).toBeGreaterThanOrEqual(0);
    expect(missed).toBeLessThanOrEqual(KILLS * JOB_SIZE);
    expect(notifications.size).toBeGreaterThanOrEqual(events.length - KILLS);
  }, 175_000);
});
