import { matchDay } from '@live-scores/core';
import type { Scorecard } from '@live-scores/schema';
import type { RunningSimulator } from '@live-scores/simulator';
import { percentile } from '../stats.ts';
import type { Benchmark, BenchResult } from '../types.ts';
import {
  captureKey,
  eventDueVersions,
  firstAppliedFrom,
  latenciesToArrival,
  versionsByCapture,
  versionsByContent,
  type AppliedVersion,
  type Arrival,
} from './freshness-correlation.ts';
import { startLiveStack, type LiveStack } from './live-stack.ts';

export interface FreshnessBenchOptions {
  /**
   * Simulator speed over real time. The default, 30, bowls a ball about every 1.2 s in each
   * match: thirty times a real Saturday's rate, yet a load the two cores (shared with eight
   * Chromium pages) keep up with, so the figure is the pipeline's latency and not a backlog.
   */
  speed?: number;
  oversPerSide?: number;
  seed?: string;
  /** The club's live matches at once. */
  matches?: number;
  /** Give up waiting for the matches to finish after this long. */
  timeoutMs?: number;
}

/** The original design polled every 20 s: a change waited 10 s on average before anyone saw it. */
const POLLING_MEAN_STALENESS_MS = 10_000;
const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Every version of a match as the ground truth, with capture times that order like the versions. */
function truthsOf(simulator: RunningSimulator, matchId: string): Scorecard[] {
  const last = simulator.timeline(matchId).states.length - 1;
  return Array.from({ length: last + 1 }, (_, version) => ({
    ...simulator.truth(matchId, version),
    seq: version,
    capturedAt: new Date(Date.UTC(2026, 0, 1) + version).toISOString(),
  }));
}

async function playUntilComplete(stack: LiveStack, timeoutMs: number): Promise<void> {
  const { runtime, simulator } = stack;
  const day = matchDay(new Date(), stack.config.schedule.timeZone);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fixtures = await Promise.all(
      simulator.matches.map((m) => runtime.system.fixtures.get(day, m.matchId)),
    );
    if (fixtures.every((f) => f?.status === 'complete')) break;
    if (Date.now() > deadline) throw new Error(`the matches did not finish within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await runtime.system.idle();
  // The last pushes are on their way when the queues empty: give the receiver a moment.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/**
 * Freshness on the full local stack: eight club matches (one per team) played on the simulated site, watched by
 * the real scraper in Chromium, through the embedded queues to a page's WebSocket and a phone's
 * push service. Each DOM change the browser applied is timed to the first WebSocket scorecard
 * showing it (content equal to the simulator's truth at that version or later), and each
 * notification to its arrival, from the change that made it due.
 */
export function freshnessBenchmark(options: FreshnessBenchOptions = {}): Benchmark {
  const speed = options.speed ?? 30;
  const oversPerSide = options.oversPerSide ?? 5;
  const matches = options.matches ?? 8;
  return {
    name: 'freshness',
    async run() {
      const stack = await startLiveStack({
        speed,
        oversPerSide,
        seed: options.seed ?? 'bench-freshness',
        oversInterval: 1,
        matches,
      });
      try {
        await stack.runtime.system.findFixtures();
        await playUntilComplete(stack, options.timeoutMs ?? 480_000);
        return measure(stack, matches, speed);
      } finally {
        await stack.close();
      }
    },
  };
}

function measure(stack: LiveStack, matches: number, speed: number): BenchResult[] {
  const { simulator, config } = stack;
  // A page cut off mid-day would leave only the first minutes to measure: no figure then.
  if (stack.socketClosed) throw new Error(`the page's live socket was closed (${stack.socketClosed})`);
  const applied: AppliedVersion[] = simulator.appliedLog();
  const truths = new Map(simulator.matches.map((m) => [m.matchId, truthsOf(simulator, m.matchId)]));

  const versionOf = new Map([...truths].map(([matchId, t]) => [matchId, versionsByContent(t)]));
  const frames: Arrival<{ matchId: string; capturedAt: string; version: number }>[] = [];
  let unmatchedFrames = 0;
  for (const frame of stack.frames) {
    const version = versionOf
      .get(frame.value.matchId)
      ?.get(JSON.stringify([frame.value.status, frame.value.result, frame.value.innings]));
    if (version === undefined) unmatchedFrames++;
    else
      frames.push({
        at: frame.at,
        value: { matchId: frame.value.matchId, capturedAt: frame.value.capturedAt, version },
      });
  }
  const ws = latenciesToArrival(applied, frames);
  const capturedVersion = versionsByCapture(frames);
  if (ws.latenciesMs.length === 0) throw new Error('no applied change reached the WebSocket client');

  // Each received push → the event the runtime queued (same title and body) → the version it became due.
  const pushMs: number[] = [];
  let undated = 0;
  const dueVersion = new Map<string, number>();
  for (const match of simulator.matches) {
    const team = config.teams.find((t) => t.id === match.teamId)!;
    for (const [id, version] of eventDueVersions(
      truths.get(match.matchId)!,
      config.notifications,
      team.label,
    ))
      dueVersion.set(id, version);
  }
  for (const push of stack.pushes) {
    const event = stack.events.find((e) => e.title === push.value.title && e.body === push.value.body);
    const version =
      event && (dueVersion.get(event.id) ?? capturedVersion.get(captureKey(event.matchId, event.createdAt)));
    const change =
      event && version !== undefined ? firstAppliedFrom(applied, event.matchId, version) : undefined;
    if (!change) undated++;
    else pushMs.push(Math.max(0, push.at - change.appliedAt));
  }
  if (pushMs.length === 0) throw new Error('no notification reached the push receiver');

  const meanMs = ws.latenciesMs.reduce((sum, ms) => sum + ms, 0) / ws.latenciesMs.length;
  // Where the time goes: in the browser and scraper (applied → captured), then in the runtime
  // (captured → the page's socket has it).
  const scraperMs = ws.reflected.map((r) =>
    Math.max(0, Date.parse(r.arrival.value.capturedAt) - r.change.appliedAt),
  );
  const runtimeMs = ws.reflected.map((r) =>
    Math.max(0, r.arrival.at - Date.parse(r.arrival.value.capturedAt)),
  );
  const wsDetail = {
    changes: applied.length,
    measured: ws.latenciesMs.length,
    missed: ws.missed,
    unmatchedFrames,
    frames: stack.frames.length,
    syncs: stack.syncs,
    meanMs: round1(meanMs),
    maxMs: round1(Math.max(...ws.latenciesMs)),
    scraperP50Ms: round1(percentile(scraperMs, 50)),
    scraperP99Ms: round1(percentile(scraperMs, 99)),
    runtimeP50Ms: round1(percentile(runtimeMs, 50)),
    runtimeP99Ms: round1(percentile(runtimeMs, 99)),
  };
  const wsFigure = (p: number, target?: number): BenchResult => ({
    key: `freshness${matches}.ws.p${p}_ms`,
    label: `Freshness, DOM change applied → WebSocket client has the scorecard, p${p} (${matches} live matches at ${speed}× real pace)`,
    value: round1(percentile(ws.latenciesMs, p)),
    unit: 'ms',
    ...(target === undefined ? {} : { target: { op: '<=' as const, value: target } }),
    detail: wsDetail,
  });
  return [
    wsFigure(50),
    wsFigure(95),
    wsFigure(99, 150),
    {
      key: `freshness${matches}.push.p99_ms`,
      label: `Freshness, DOM change applied → push receiver has the notification, p99 (${matches} live matches at ${speed}× real pace)`,
      value: round1(percentile(pushMs, 99)),
      unit: 'ms',
      target: { op: '<=', value: 300 },
      detail: {
        notifications: pushMs.length,
        undated,
        p50Ms: round1(percentile(pushMs, 50)),
        maxMs: round1(Math.max(...pushMs)),
      },
    },
    {
      key: `freshness${matches}.ratio_vs_polling`,
      label: 'Mean staleness of 20-second polling (10 s) ÷ mean change → WebSocket latency',
      value: round1(POLLING_MEAN_STALENESS_MS / meanMs),
      unit: '×',
      detail: { meanMs: round1(meanMs) },
    },
  ];
}
