import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { HtmlQueue, Logger, ScraperFleet, ScraperHost, WatchedMatch } from '@live-scores/core';
import { oneLineReason, ScorecardHtml, type MatchDay } from '@live-scores/schema';

export interface ChildProcessScraperFleetOptions {
  /** The program and leading arguments, e.g. `[process.execPath, 'node_modules/.bin/live-scores']`. */
  command: readonly [string, ...string[]];
  /** Where every `ScorecardHtml` line the scraper writes to stdout goes. */
  htmlQueue: HtmlQueue;
  logger: Logger;
  /** SIGTERM, then SIGKILL after this long; 10 s by default. */
  graceMs?: number;
  /** Wait before restarting a scraper that died; doubles per crash up to a minute. */
  restartDelayMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Scraper settings passed on every start, e.g. `['--safety-poll-seconds', '60']`. */
  extraArgs?: readonly string[];
}

interface LocalHost extends ScraperHost {
  child: ChildProcess | undefined;
  exited: Promise<void>;
  /** Set while we stop or restart it on purpose, so its exit is not a crash. */
  stopping: boolean;
  crashes: number;
  restartTimer?: NodeJS.Timeout;
}

/** The scraper's command line for a set of matches: JSON lines on stdout. */
export function scrapeArgs(matches: readonly WatchedMatch[]): string[] {
  return ['scrape', ...matches.flatMap((m) => ['--url', m.url, '--team', m.teamId]), '--out', '-'];
}

/**
 * Scraper hosts as child processes of this machine: one per club day, running
 * `live-scores scrape … --out -`, whose stdout lines go to the html queue. A scraper that
 * dies is restarted (with backoff); one that exits 0 has seen all its matches finish and
 * is done. A match added to a running host restarts its scraper with the new set: the
 * scraper's first message after a start carries each match's current state, so nothing is
 * lost. Terminate is SIGTERM, then SIGKILL after the grace period.
 */
export interface ChildProcessScraperFleet extends ScraperFleet {
  /** The running scraper's process id, for operators and tests. */
  pidOf(hostId: string): number | undefined;
  /** Terminates every host (runtime shutdown). */
  close(): Promise<void>;
}

export function createChildProcessScraperFleet(
  options: ChildProcessScraperFleetOptions,
): ChildProcessScraperFleet {
  const { logger } = options;
  const graceMs = options.graceMs ?? 10_000;
  const restartDelayMs = options.restartDelayMs ?? 2_000;
  const hosts = new Map<string, LocalHost>();
  let counter = 0;

  function spawnScraper(host: LocalHost): void {
    const [program, ...lead] = options.command;
    const child = spawn(program, [...lead, ...scrapeArgs(host.matches), ...(options.extraArgs ?? [])], {
      // Standard input is a pipe we never write to: when this process ends, however it ends,
      // the child reads end-of-file and stops (the scrape command's --exit-with-parent).
      stdio: ['pipe', 'pipe', 'inherit'],
      env: options.env ?? process.env,
      // Its own process group, so the last-resort SIGKILL reaches its Chromium too.
      detached: true,
    });
    child.stdin?.on('error', () => undefined);
    host.child = child;
    host.stopping = false;
    const log = { hostId: host.id, pid: child.pid, matchIds: host.matches.map((m) => m.matchId) };
    logger.info('scraper process started', log);

    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => void forward(line, host.id));

    host.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        lines.close();
        host.child = undefined;
        resolve();
        if (host.stopping) return;
        if (code === 0) {
          logger.info('scraper finished: every match it watched is over', log);
          hosts.delete(host.id);
          return;
        }
        host.crashes++;
        const delay = Math.min(60_000, restartDelayMs * 2 ** (host.crashes - 1));
        logger.warn('scraper process died; restarting', { ...log, code, signal, delayMs: delay });
        host.restartTimer = setTimeout(() => {
          if (hosts.has(host.id)) spawnScraper(host);
        }, delay);
      });
    });
  }

  async function forward(line: string, hostId: string): Promise<void> {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      logger.warn('scraper wrote a line that is not JSON', { hostId, length: line.length });
      return;
    }
    const message = ScorecardHtml.safeParse(json);
    if (!message.success) {
      logger.warn('scraper wrote a line that is not a ScorecardHtml', {
        hostId,
        reason: oneLineReason(message.error),
      });
      return;
    }
    try {
      await options.htmlQueue.send(message.data);
    } catch (error) {
      logger.error('html queue refused a scorecard', { hostId, matchId: message.data.matchId, error });
    }
  }

  async function stop(host: LocalHost): Promise<void> {
    host.stopping = true;
    if (host.restartTimer) clearTimeout(host.restartTimer);
    const child = host.child;
    if (!child) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => killGroup(child), graceMs);
    await host.exited;
    clearTimeout(killer);
  }

  /** SIGKILL for the scraper and everything it started (its browser has no time to close). */
  function killGroup(child: ChildProcess): void {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }

  const fleet: ChildProcessScraperFleet = {
    async start(date: MatchDay, matches) {
      const host: LocalHost = {
        id: `local-scraper-${date}-${++counter}`,
        date,
        matches: [...matches],
        child: undefined,
        exited: Promise.resolve(),
        stopping: false,
        crashes: 0,
      };
      hosts.set(host.id, host);
      spawnScraper(host);
      return { id: host.id, date, matches: [...host.matches] };
    },

    async addMatch(hostId, match) {
      const host = hosts.get(hostId);
      if (!host) throw new Error(`scraper host ${hostId} is not running`);
      if (host.matches.some((m) => m.matchId === match.matchId)) return;
      host.matches.push(match);
      await stop(host);
      spawnScraper(host);
    },

    async terminate(hostId) {
      const host = hosts.get(hostId);
      if (!host) return;
      hosts.delete(hostId);
      await stop(host);
      logger.info('scraper host terminated', { hostId });
    },

    async list() {
      return [...hosts.values()].map(({ id, date, matches }) => ({ id, date, matches: [...matches] }));
    },

    pidOf: (hostId) => hosts.get(hostId)?.child?.pid,

    async close() {
      await Promise.all([...hosts.keys()].map((id) => fleet.terminate(id)));
    },
  };
  return fleet;
}
