import { Writable } from 'node:stream';
import { createLogger, sleep } from '@live-scores/core';
import { type RunningSimulator, startSimulator } from '@live-scores/simulator';
import {
  createJsonLinesHtmlQueue,
  processRssBytes,
  processTreeCpuSeconds,
  processTreePssBytes,
  processTreeRssBytes,
  Watcher,
} from '@live-scores/scraper';
import { eventually } from '@live-scores/test-support';

export interface ScraperBenchOptions {
  matches?: number;
  /** DOM changes to time, spread over the matches in turn. */
  changes?: number;
  /** How long to watch idle pages for the CPU figure. */
  idleSeconds?: number;
}

export interface ScraperMeasurements {
  /** Per change: ms from the page applying it to its DOM to its JSON line being written. */
  emitLatenciesMs: number[];
  matches: number;
  /** VmRSS of Node plus every Chromium process, summed (shared pages counted in each process). */
  rssMb: number;
  /** The same processes' proportional set size: shared pages split, so the memory actually used. */
  pssMb: number;
  /** CPU of Node and Chromium together while nothing changes, in % of one core. */
  idleCpuPct: number;
}

const MB = 1024 * 1024;

/** A stream standing in for stdout that remembers when each match's lines were written. */
function timedSink(): { stream: Writable; writes: Map<string, number[]> } {
  const writes = new Map<string, number[]>();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const at = Date.now();
      const { matchId } = JSON.parse(chunk.toString('utf8')) as { matchId: string };
      writes.set(matchId, [...(writes.get(matchId) ?? []), at]);
      done();
    },
  });
  return { stream, writes };
}

/** Node + Chromium proportional memory, in MB. */
function pssMbOf(browserPid: number): number {
  return (processTreePssBytes(process.pid, { descendants: false }) + processTreePssBytes(browserPid)) / MB;
}

export interface BlockingSavings {
  /** PSS (MB) of each run with images, media and fonts blocked, and with them loaded, A B A B. */
  blockedMb: number[];
  loadedMb: number[];
  matches: number;
}

/** Watches `matches` pages until each has sent its first scorecard, then reads the memory. */
async function watchedMemory(matches: number, loadUnneeded: boolean): Promise<number> {
  const sim = await startSimulator({
    speed: 0,
    seed: 'bench-assets',
    matches,
    otherMatches: 0,
    oversPerSide: 20,
  });
  const { stream, writes } = timedSink();
  const watcher = new Watcher({
    queue: createJsonLinesHtmlQueue(stream),
    logger: createLogger({ service: 'scraper-bench', level: 'error' }),
    timing: { tabPoll: { minMs: 200, maxMs: 1_000 } },
    exitWhenIdle: false,
    loadUnneeded,
  });
  for (const match of sim.matches)
    watcher.add({ url: match.url, matchId: match.matchId, teamId: match.teamId ?? 'other' });
  const running = watcher.run();
  try {
    for (const match of sim.matches) sim.step(match.matchId);
    await eventually(
      'every match watched',
      () => sim.matches.every((m) => (writes.get(m.matchId)?.length ?? 0) >= 1),
      60_000,
    );
    await sleep(2_000);
    return pssMbOf(watcher.browserPid as number);
  } finally {
    await watcher.stop();
    await running;
    await sim.close();
  }
}

/**
 * What blocking the assets a scorecard never needs (the site's crests, sponsors' banners and
 * web font) saves: the same pages watched with them blocked and loaded, interleaved A B A B
 * so that a drift in the machine's state falls on both.
 */
export async function measureBlockingSavings(
  options: { matches?: number; rounds?: number } = {},
): Promise<BlockingSavings> {
  const matches = options.matches ?? 8;
  const blockedMb: number[] = [];
  const loadedMb: number[] = [];
  for (let round = 0; round < (options.rounds ?? 2); round++) {
    blockedMb.push(await watchedMemory(matches, false));
    loadedMb.push(await watchedMemory(matches, true));
  }
  return { blockedMb, loadedMb, matches };
}

function appliedAt(sim: RunningSimulator, matchId: string, version: number): number | undefined {
  return sim.appliedLog().find((a) => a.matchId === matchId && a.version === version)?.appliedAt;
}

/**
 * The scraper's figures against the simulated site, with real Chromium: change-to-emit
 * latency (DOM change applied in the page → JSON line written), memory of Node plus
 * Chromium while watching every match, and CPU while the matches sit idle.
 */
export async function measureScraper(options: ScraperBenchOptions = {}): Promise<ScraperMeasurements> {
  const matchCount = options.matches ?? 8;
  const changes = options.changes ?? 200;
  const idleSeconds = options.idleSeconds ?? 20;
  const sim = await startSimulator({
    speed: 0,
    seed: 'bench',
    matches: matchCount,
    otherMatches: 0,
    oversPerSide: 20,
  });
  const { stream, writes } = timedSink();
  const watcher = new Watcher({
    queue: createJsonLinesHtmlQueue(stream),
    logger: createLogger({ service: 'scraper-bench', level: 'warn' }),
    timing: { tabPoll: { minMs: 200, maxMs: 1_000 } },
    exitWhenIdle: false,
  });
  const ids = sim.matches.map((m) => m.matchId);
  for (const match of sim.matches)
    watcher.add({ url: match.url, matchId: match.matchId, teamId: match.teamId ?? 'other' });
  const running = watcher.run();
  const written = (matchId: string) => writes.get(matchId)?.length ?? 0;
  try {
    for (const id of ids) sim.step(id);
    await eventually('every match watched', () => ids.every((id) => written(id) >= 1), 60_000);
    await sleep(1_000);

    const emitLatenciesMs: number[] = [];
    for (let i = 0; i < changes; i++) {
      const id = ids[i % ids.length] as string;
      const before = written(id);
      const { version } = sim.step(id);
      await eventually(
        `change ${i}`,
        () => written(id) > before && appliedAt(sim, id, version) !== undefined,
        5_000,
      );
      emitLatenciesMs.push((writes.get(id)?.[before] as number) - (appliedAt(sim, id, version) as number));
      await sleep(25);
    }

    const pid = watcher.browserPid as number;
    await sleep(2_000);
    const rssMb = (processRssBytes(process.pid) + processTreeRssBytes(pid)) / MB;
    const pssMb = (processTreePssBytes(process.pid, { descendants: false }) + processTreePssBytes(pid)) / MB;
    const cpuBefore =
      processTreeCpuSeconds(pid) + process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6;
    const startedAt = Date.now();
    await sleep(idleSeconds * 1000);
    const cpuAfter =
      processTreeCpuSeconds(pid) + process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6;
    const idleCpuPct = ((cpuAfter - cpuBefore) / ((Date.now() - startedAt) / 1000)) * 100;
    return { emitLatenciesMs, matches: ids.length, rssMb, pssMb, idleCpuPct };
  } finally {
    await watcher.stop();
    await running;
    await sim.close();
  }
}
