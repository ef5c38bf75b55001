import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMemoryLogger,
  eventsForSubscriber,
  handlePushMessage,
  type PushQueue,
} from '@live-scores/core';
import {
  createMemoryIdempotencyStore,
  createMemorySubscriptionStore,
  createSqliteDeliveryClaims,
  createSqliteDigestBuffer,
  openLocalDatabase,
} from '@live-scores/local';
import { applyRules, type RulesState } from '@live-scores/notify';
import {
  NotificationRules,
  SubscriptionMode,
  wantsNotification,
  type NotificationEvent,
  type PushQueueMessage,
  type Subscription,
} from '@live-scores/schema';
import { playMatch, truthScorecard } from '@live-scores/simulator';
import type { Benchmark, BenchResult } from '../types.ts';

export interface DigestBenchOptions {
  /** Matches in the replayed day (one per team), each seeded from its index. */
  matches?: number;
  oversPerSide?: number;
  windowSeconds?: number;
}

export interface DigestFigures {
  mode: SubscriptionMode;
  events: number;
  pushesWithout: number;
  pushesWith: number;
  missing: number;
  duplicated: number;
  /** The longest an event waited for its push (match time). */
  maxHeldSeconds: number;
}

const START = Date.UTC(2026, 5, 13, 12, 30);

/**
 * A simulated match day replayed ball by ball, each scorecard stamped with its match time, through
 * the rules: every event the day tells, in order, match by match.
 */
export function replayedDay(matches: number, oversPerSide: number): NotificationEvent[][] {
  const rules = NotificationRules.parse({});
  return Array.from({ length: matches }, (_, i) => {
    const matchId = String(8_000_001 + i);
    const timeline = playMatch({
      seed: `digest-${i}`,
      home: { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' },
      away: { club: 'Scholes CC', text: 'Scholes CC - 1st XI' },
      oversPerSide,
    });
    let state: RulesState | undefined;
    const events: NotificationEvent[] = [];
    timeline.states.forEach((matchState, version) => {
      const card = truthScorecard(timeline, matchState, {
        matchId,
        teamId: 'firstTeam',
        url: `http://127.0.0.1/website/results/${matchId}`,
        capturedAt: new Date(START + matchState.elapsed * 1000 + version).toISOString(),
        seq: version,
      });
      const applied = applyRules(state, card, { rules, teamLabel: '1st XI' });
      state = applied.state;
      events.push(...applied.events);
    });
    return events;
  });
}

/** The messages the replay's push queue holds, each due at its time (ms of match time). */
interface Due {
  at: number;
  message: PushQueueMessage;
}

/**
 * Pushes one supporter of each mode gets over the day, through the push consumer's real path:
 * `handlePushMessage` with the SQLite digest buffer, the delayed flush messages, the fan-out
 * and the jobs. Events arrive at their match time, every message (event, flush, job) is
 * delivered twice, as an at-least-once queue may, so a redelivery that reappeared in a second
 * push would count as duplicated. A push's events are `eventsForSubscriber` of its job, what
 * send-push sends that subscriber. `windowMs` 0 is the digest off: one push per event.
 */
export async function digestFigures(day: NotificationEvent[][], windowMs: number): Promise<DigestFigures[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-digest-'));
  const database = openLocalDatabase(dir, { logger: createMemoryLogger('bench-digest') });
  try {
    let now = 0;
    const queued: Due[] = [];
    const subscriptions = createMemorySubscriptionStore();
    const supporters = new Map<SubscriptionMode, Subscription>();
    for (const mode of SubscriptionMode.options) {
      const supporter = { endpoint: `https://push.invalid/${mode}`, keys, preferences: { mode } };
      supporters.set(mode, supporter);
      await subscriptions.put(supporter);
    }
    const pushQueue: PushQueue = {
      enqueueEvents: async (events) =>
        void queued.push(...events.map((event) => due(now, { type: 'event', event }))),
      enqueueJobs: async (jobs, options) =>
        void queued.push(...jobs.map((job) => due(now + (options?.delayMs ?? 0), job))),
      enqueueDigestFlush: async (flush, options) => void queued.push(due(now + options.delayMs, flush)),
    };
    const carried = new Map<SubscriptionMode, { id: string; heldMs: number }[][]>(
      SubscriptionMode.options.map((mode) => [mode, []]),
    );
    const deps = {
      sender: { send: async () => ({ kind: 'delivered' as const }) },
      subscriptions,
      pushQueue,
      idempotency: createMemoryIdempotencyStore(),
      digests: createSqliteDigestBuffer(database),
      claims: createSqliteDeliveryClaims(database),
      clock: { now: () => new Date(now) },
      logger: createMemoryLogger('bench-digest'),
    };
    const settings = { pageUrl: '/', ttlSeconds: { score: 1800, result: 86_400 }, digestMs: windowMs };

    const deliver = async (message: PushQueueMessage): Promise<void> => {
      const outcome = await handlePushMessage(deps, message, settings);
      if (message.type !== 'send-push' || outcome.kind !== 'sent') return;
      for (const subscription of message.subscriptions) {
        const events = eventsForSubscriber(message, subscription);
        if (events.length === 0) continue;
        const mode = subscription.preferences!.mode!;
        carried.get(mode)!.push(events.map((e) => ({ id: e.id, heldMs: now - Date.parse(e.createdAt) })));
      }
    };
    /** Delivers, twice each and in time order, every queued message due by `until`. */
    const drain = async (until: number): Promise<void> => {
      for (let rounds = 0; rounds < 100_000; rounds++) {
        queued.sort((a, b) => a.at - b.at);
        if (queued.length === 0 || queued[0]!.at > until) return;
        const next = queued.shift()!;
        now = Math.max(now, next.at);
        await deliver(next.message);
        await deliver(next.message);
      }
      throw new Error('the replay did not settle');
    };

    const told = day.flat().sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    for (const event of told) {
      await drain(Date.parse(event.createdAt));
      now = Math.max(now, Date.parse(event.createdAt));
      await pushQueue.enqueueEvents([event]);
      await drain(now);
    }
    await drain(Number.POSITIVE_INFINITY);

    return SubscriptionMode.options.map((mode) => {
      const wanted = told.filter((e) =>
        wantsNotification(supporters.get(mode)!.preferences, e.teamId, e.kind),
      );
      const pushes = carried.get(mode)!;
      const ids = pushes.flat().map((c) => c.id);
      const held = pushes.flat().map((c) => c.heldMs);
      return {
        mode,
        events: wanted.length,
        pushesWithout: wanted.length,
        pushesWith: pushes.length,
        missing: wanted.filter((e) => !ids.includes(e.id)).length,
        duplicated: ids.length - new Set(ids).size,
        maxHeldSeconds: Math.round(Math.max(0, ...held) / 1000),
      };
    });
  } finally {
    database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const due = (at: number, message: PushQueueMessage): Due => ({ at, message });

/**
 * The most any digest could save without holding an event longer than the window: one push
 * fewer per pair of consecutive events of a match told less than `windowMs` apart, as a share
 * of all events. Events further apart can share a push only if the first waits longer.
 */
export function savingBoundPct(day: NotificationEvent[][], windowMs: number): number {
  let close = 0;
  let events = 0;
  for (const match of day) {
    events += match.length;
    for (let i = 1; i < match.length; i++)
      if (Date.parse(match[i]!.createdAt) - Date.parse(match[i - 1]!.createdAt) < windowMs) close++;
  }
  return (100 * close) / Math.max(1, events);
}
/** Subscription keys of the right shape; nothing is encrypted or sent in the replay. */
const keys = { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) };

/** The windows measured side by side: the default, and longer ones. */
const WINDOWS_SECONDS = [90, 300, 600];

/**
 * `npm run bench -- digest`: pushes per supporter over a replayed match day, one per event
 * and through the digest, per mode and per window length.
 */
export function digestBenchmark(options: DigestBenchOptions = {}): Benchmark {
  const matches = options.matches ?? 4;
  const oversPerSide = options.oversPerSide ?? 40;
  const windows = options.windowSeconds ? [options.windowSeconds] : WINDOWS_SECONDS;
  return {
    name: 'digest',
    async run(): Promise<BenchResult[]> {
      const day = replayedDay(matches, oversPerSide);
      const results: BenchResult[] = [];
      for (const windowSeconds of windows) {
        const figures = await digestFigures(day, windowSeconds * 1000);
        const everything = figures.find((f) => f.mode === 'everything')!;
        const fewer = 100 * (1 - everything.pushesWith / Math.max(1, everything.pushesWithout));
        const suffix = windowSeconds === 90 ? '' : `.${windowSeconds}s`;
        results.push({
          key: `digest.fewer_pushes_pct${suffix}`,
          label: `pushes saved by a ${windowSeconds} s digest, everything mode, ${matches} matches`,
          value: Math.round(fewer * 10) / 10,
          unit: '%',
          ...(windowSeconds === 90 ? { target: { op: '>=' as const, value: 40 } } : {}),
          detail: {
            missing: everything.missing,
            duplicated: everything.duplicated,
            maxHeldSeconds: everything.maxHeldSeconds,
            boundPct: Math.round(savingBoundPct(day, windowSeconds * 1000) * 10) / 10,
          },
        });
        for (const f of figures)
          results.push({
            key: `digest.pushes.${f.mode}${suffix}`,
            label: `pushes per supporter over the day, ${f.mode}, with a ${windowSeconds} s digest`,
            value: f.pushesWith,
            unit: 'pushes',
            detail: { without: f.pushesWithout, missing: f.missing, duplicated: f.duplicated },
          });
      }
      return results;
    },
  };
}
