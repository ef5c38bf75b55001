import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchDay, matchScorecardKey } from '@live-scores/core';
import type { Runtime } from '@live-scores/runtime';
import { isSameProcessAlive, processIdentity, processTreePids } from '@live-scores/scraper';
import type { Scorecard } from '@live-scores/schema';
import { killBrowser } from './browser-kill.ts';
import { checkDay, type CheckResult, type DayObservations } from './checks.ts';
import { openMatchDay, SUBSCRIBERS, type MatchDayWorld } from './match-day.ts';
import { sampleMemory } from './memory-sampler.ts';
import { watchPage, type PageWatcher } from './page-watcher.ts';
import type { SoakOptions } from './soak-options.ts';
import { summaryTable } from './summary-table.ts';

export interface SoakReport {
  passed: boolean;
  results: CheckResult[];
  figures: Record<string, string | number>;
  /** The plain-text summary table. */
  table: string;
}

/** When, as a share of all balls of the day bowled, each fault strikes. */
const FIRST_BROWSER_KILL = 0.2;
const RESTART = 0.45;
const SECOND_BROWSER_KILL = 0.7;
const MEMORY_LIMIT = 0.2;
const POLL_MS = 200;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function subscribeAll(world: MatchDayWorld, runtime: Runtime): Promise<void> {
  for (const subscriber of SUBSCRIBERS) {
    const { endpoint, keys } = world.receiver.createSubscription(subscriber.path);
    const response = await fetch(`${runtime.url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint, keys, preferences: subscriber.preferences }),
    });
    if (response.status !== 201)
      throw new Error(`subscribing ${subscriber.name} failed: HTTP ${response.status}`);
  }
  await world.receiver.waitForReceived(SUBSCRIBERS.length, 10_000);
}

/** Share of all versions of the day's matches revealed so far. */
function dayProgress(world: MatchDayWorld): number {
  const { matches } = world.simulator.status();
  const done = matches.reduce((sum, m) => sum + m.version, 0);
  return done / matches.reduce((sum, m) => sum + m.lastVersion, 0);
}

async function dayIsOver(world: MatchDayWorld, runtime: Runtime): Promise<boolean> {
  const day = matchDay(new Date(), world.config.schedule.timeZone);
  const fixtures = await Promise.all(
    world.simulator.matches.map((m) => runtime.system.fixtures.get(day, m.matchId)),
  );
  return fixtures.every((f) => f?.status === 'complete') && (await runtime.system.fleet.list()).length === 0;
}

/** Waits until the receiver has taken nothing new for `quietMs` (retries after 429/503 included). */
async function pushesSettled(world: MatchDayWorld, quietMs: number): Promise<void> {
  let count = -1;
  while (count !== world.receiver.received.length) {
    count = world.receiver.received.length;
    await pause(quietMs);
  }
}

async function deadLetters(
  runtime: Runtime,
  progress: (line: string) => void,
): Promise<DayObservations['deadLetters']> {
  return (await runtime.system.deadLetters()).map(({ queue, message, reason }) => {
    const m = message as { matchId?: string; event?: { matchId: string } };
    progress(`dead letter on ${queue}: ${reason} ${JSON.stringify(message).slice(0, 200)}`);
    return { queue, matchId: m.matchId ?? m.event?.matchId };
  });
}

/**
 * Match ids of the results the CMS stub applied, one per write (reports aside). A patch that
 * lost the revision check to a concurrent write (the report's, say) and was retried is one write.
 */
function cmsWrites(world: MatchDayWorld): string[] {
  return (
    world.sanity.applied as {
      mutations: { patch: { set: { liveScoresMatchId?: string; liveScoresReportMatchId?: string } } }[];
    }[]
  ).flatMap((body) =>
    body.mutations
      .filter((m) => m.patch.set.liveScoresReportMatchId === undefined)
      .map((m) => m.patch.set.liveScoresMatchId ?? '?'),
  );
}

/** Match ids of the match reports the CMS stub applied, one per write. */
function cmsReportWrites(world: MatchDayWorld): string[] {
  return (
    world.sanity.applied as { mutations: { patch: { set: { liveScoresReportMatchId?: string } } }[] }[]
  ).flatMap((body) => body.mutations.flatMap((m) => m.patch.set.liveScoresReportMatchId ?? []));
}

/**
 * A whole match day through the single-machine runtime with faults injected on the way:
 * queues that duplicate and reorder, the scraper's Chromium SIGKILLed twice, push endpoints
 * that answer 410, 429 and 503, a CMS that chokes on one result, and a restart mid-day. Then
 * every check of `checkDay` against the simulator's ground truth.
 */
/** How long the pipeline may take to drain once the day is over. */
const IDLE_LIMIT_MS = 20_000;

/** Waits for every queue to drain; one that does not within `ms` fails the soak with each queue's depth. */
async function settledOrExplained(runtime: Runtime, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  try {
    if ((await Promise.race([runtime.system.idle(), late])) !== 'late') return;
  } finally {
    clearTimeout(timer);
  }
  const { queues } = await runtime.system.health();
  throw new Error(`the pipeline did not drain within ${ms} ms after the day: ${JSON.stringify(queues)}`);
}

export async function runSoak(
  options: SoakOptions,
  progress: (line: string) => void = () => {},
): Promise<SoakReport> {
  const started = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'soak-'));
  const world = await openMatchDay(options, dataDir);
  let runtime: Runtime | undefined;
  let page: PageWatcher | undefined;
  try {
    runtime = await world.startRuntime();
    page = watchPage();
    await page.connect(runtime.url);
    await subscribeAll(world, runtime);
    world.receiver.setMode('/gone', { status: 410 });
    world.receiver.setMode('/busy', { status: 429, times: 3, retryAfterSeconds: 1 });
    await runtime.system.findFixtures();
    progress(`day started: ${world.simulator.matches.length} matches, data in ${dataDir}`);

    const memory = sampleMemory(500);
    // Identities (pid + start time): over a long day the kernel reuses pids.
    const scraperProcesses = new Set<string>();
    const browserKills: number[] = [];
    let restarted = false;
    const deadline = started + options.timeoutMs;
    while (!(await dayIsOver(world, runtime))) {
      if (Date.now() > deadline)
        throw new Error(`the match day did not finish within ${options.timeoutMs} ms`);
      const share = dayProgress(world);
      const scrapers = (await runtime.system.health()).scrapers.filter((s) => s.alive && s.pid !== undefined);
      for (const s of scrapers)
        for (const pid of processTreePids(s.pid!)) {
          const identity = processIdentity(pid);
          if (identity) scraperProcesses.add(identity);
        }
      const killDue =
        (browserKills.length === 0 && share >= FIRST_BROWSER_KILL) ||
        (browserKills.length === 1 && restarted && share >= SECOND_BROWSER_KILL);
      if (killDue && scrapers[0]) {
        const killed = killBrowser(scrapers[0].pid!);
        if (killed !== undefined) {
          browserKills.push(killed);
          progress(
            `SIGKILLed the scraper's Chromium (pid ${killed}) at ${(share * 100).toFixed(0)} % of the day`,
          );
        }
      }
      if (!restarted && share >= RESTART) {
        await runtime.close();
        runtime = await world.startRuntime();
        await page.connect(runtime.url);
        await runtime.system.findFixtures();
        world.receiver.setMode('/flaky', { status: 503, times: 3, retryAfterSeconds: 1 });
        restarted = true;
        progress(`restarted the runtime at ${(share * 100).toFixed(0)} % of the day`);
      }
      await pause(POLL_MS);
    }
    await settledOrExplained(runtime, IDLE_LIMIT_MS);
    await pushesSettled(world, 1_500);
    const memoryVerdict = memory.stop();
    progress('day over; checking');

    const truth = new Map<string, Scorecard[]>();
    for (const { matchId } of world.simulator.matches) {
      const last = world.simulator.timeline(matchId).states.length - 1;
      truth.set(
        matchId,
        Array.from({ length: last + 1 }, (_, v) => world.simulator.truth(matchId, v)),
      );
    }
    const finalStored = new Map<string, Scorecard | undefined>();
    const reportsStored: string[] = [];
    for (const { matchId } of world.simulator.matches) {
      finalStored.set(matchId, await runtime.system.store.get(matchScorecardKey(matchId)));
      if (await runtime.system.reports.get(matchId)) reportsStored.push(matchId);
    }
    const subscribed = new Set(
      (await runtime.system.subscriptions.listPage()).subscriptions.map((s) => new URL(s.endpoint).pathname),
    );
    const matches = world.simulator.matches.map((m) => ({ matchId: m.matchId, teamId: m.teamId! }));
    const observations: DayObservations = {
      matches,
      truth,
      rules: world.config.notifications,
      teamLabels: Object.fromEntries(world.config.teams.map((t) => [t.id, t.label])),
      stored: world.record.stored,
      finalStored,
      frames: page.frames,
      events: world.record.events,
      subscribers: SUBSCRIBERS.map((s) => ({
        name: s.name,
        preferences: s.preferences,
        gone: s.path === '/gone',
        received: world.receiver.received
          .filter((p) => p.path.endsWith(s.path))
          .map((p) => p.payload as { matchId: string; kind: string; title: string; body: string })
          .filter((p) => p.kind !== 'subscribed'),
        stillSubscribed: [...subscribed].some((path) => path.endsWith(s.path)),
      })),
      cmsWrites: cmsWrites(world),
      cmsReportWrites: cmsReportWrites(world),
      reportsStored,
      poisonMatchId: world.poisonMatchId,
      deadLetters: await deadLetters(runtime, progress),
      scrapersListed: (await runtime.system.fleet.list()).length,
      scraperProcessesAlive: [...scraperProcesses].filter(isSameProcessAlive),
      memory: memoryVerdict,
      memoryLimit: MEMORY_LIMIT,
    };
    const results = checkDay(observations);
    const figures: Record<string, string | number> = {
      'wall time': `${((Date.now() - started) / 1000).toFixed(1)} s`,
      results: world.simulator
        .status()
        .matches.map((m) => m.result ?? '?')
        .join(' / '),
      'versions played': [...truth.values()].reduce((sum, t) => sum + t.length - 1, 0),
      'scorecards stored': world.record.stored.length,
      'scorecards on the page': page.frames.length,
      'notification events': world.record.events.length,
      'pushes accepted': world.receiver.received.length,
      'pushes refused (410/429/503)': world.receiver.refused.length,
      'Chromium SIGKILLs': browserKills.length,
      'runtime restarts': restarted ? 1 : 0,
      'error log lines': world.record.errors.length,
    };
    return {
      passed: results.every((r) => r.pass),
      results,
      figures,
      table: summaryTable(results, figures),
    };
  } finally {
    page?.close();
    await runtime?.close();
    await world.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
