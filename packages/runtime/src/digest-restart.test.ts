import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import type { PushPayload } from '@live-scores/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from './runtime.ts';
import { eventually, SATURDAY_MATCHES, startTestRuntime } from './testing/harness.ts';

const dirs: string[] = [];
const running: Runtime[] = [];

/** Ten minutes: nothing goes out because a window ran out during the test, only on a result. */
const config = { notifications: { digestSeconds: 600 } };

describe('the push digest across a restart of the single machine', () => {
  let receiver: PushReceiver;
  beforeAll(async () => {
    receiver = await startPushReceiver({ host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const runtime of running.splice(0)) await runtime.close();
    await receiver.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps the events held at shutdown and sends them with the result after the restart, each once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'digest-restart-'));
    dirs.push(dataDir);
    const env = { PUSH_ALLOWED_HOSTS: new URL(receiver.origin).host };
    const first = await startTestRuntime({
      dataDir,
      env,
      config,
      scraper: { pages: ['04-mid-innings.html'], intervalMs: 20 },
    });
    running.push(first.runtime);
    const supporter = receiver.createSubscription('/digest-supporter');
    const response = await fetch(`${first.runtime.url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: supporter.endpoint, keys: supporter.keys }),
    });
    expect(response.status).toBe(201);
    await first.runtime.system.findFixtures();
    const held = () => first.logger.lines.filter((l) => l.message === 'event held for the digest');
    await eventually(
      'every mid-innings event held for the digest',
      async () =>
        (await first.runtime.system.health()).lastScorecards.length === 2 &&
        first.feed.events.length > 0 &&
        held().length === first.feed.events.length,
    );
    const heldAtShutdown = first.feed.events;
    running.splice(running.indexOf(first.runtime), 1);
    await first.runtime.close();
    // Only the subscription's confirmation went out: every event waited in its window.
    expect(receiver.received).toHaveLength(1);

    const second = await startTestRuntime({
      dataDir,
      env,
      config,
      scraper: { pages: ['04-mid-innings.html', '07-won-by-wickets.html'], intervalMs: 20 },
    });
    running.push(second.runtime);
    const pushes = () => receiver.received.slice(1).map((p) => p.payload as PushPayload);
    // Each event of both runs is in exactly one flushed window, and each window is one push.
    // (The windows' own delayed flushes are still ten minutes away: the results flushed them.)
    const flushed = () =>
      [...first.logger.lines, ...second.logger.lines].filter((l) => l.message === 'digest flushed');
    const told = () => [...heldAtShutdown, ...second.feed.events];
    await eventually(
      'both results, and every event flushed',
      async () =>
        (await second.runtime.system.health()).lastScorecards.every((s) => s.status === 'complete') &&
        flushed().reduce((n, l) => n + Number(l.events), 0) === told().length &&
        pushes().length === flushed().filter((l) => Number(l.subscribers) > 0).length,
      30_000,
    );
    expect(pushes().filter((p) => p.kind === 'result')).toHaveLength(2);
    expect(pushes().length).toBeLessThan(told().length);
    expect(new Set(pushes().map((p) => p.matchId))).toEqual(new Set(SATURDAY_MATCHES));
    // What was held at shutdown reached the supporter after the restart.
    for (const event of heldAtShutdown) {
      const text = event.body.replace(/^WICKET:\s*/, '');
      expect(pushes().filter((p) => p.matchId === event.matchId && p.body.includes(text))).toHaveLength(1);
    }
  });
});
