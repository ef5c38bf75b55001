import { setTimeout as delay } from 'node:timers/promises';
import type { Browser } from 'puppeteer-core';
import { type HtmlQueue, type JsonLogger, createLogger } from '@live-scores/core';
import { backoffDelay } from './backoff.ts';
import { launchBrowser } from './browser.ts';
import { requestPolicyFor } from './request-guard.ts';
import { MatchSession, type SessionStatus } from './match-session.ts';
import { PagePool } from './page-pool.ts';
import {
  isAlive,
  processRssBytes,
  processTreePids,
  processTreePssBytes,
  processTreeRssBytes,
} from './process-tree.ts';
import { DEFAULT_TIMING, type WatcherTiming } from './timing.ts';
import { type WatchTarget, parseWatchTarget } from './watch-target.ts';

export interface WatcherOptions {
  queue: HtmlQueue;
  logger?: JsonLogger;
  timing?: Partial<WatcherTiming>;
  /** How to start Chromium; `launchBrowser({ singleProcess })` by default. */
  launch?: () => Promise<Browser>;
  /** Run Chromium as one process with every match in one context (see `LaunchOptions`). */
  singleProcess?: boolean;
  /** Hosts a page may load besides its league site (`scraper.allowedHosts`); the defaults when absent. */
  allowedHosts?: readonly string[];
  /** Let pages load images, media and fonts (the benchmark's comparison; never in service). */
  loadUnneeded?: boolean;
  /** Matches sharing one browser context (and connection pool); 4 by default. */
  matchesPerContext?: number;
  now?: () => Date;
  /**
   * Resolve `run()` once every match has finished (the CLI's behaviour). False keeps the
   * browser up for matches added later.
   */
  exitWhenIdle?: boolean;
}

/** What the heartbeat log line carries. */
export interface Heartbeat {
  watched: number;
  matches: SessionStatus[];
  browserPid: number | null;
  /** VmRSS summed over Node and every Chromium process (shared pages counted once per process). */
  rssMb: { node: number; chromium: number; total: number };
  /** Proportional set size of the same processes: what they really occupy together. */
  pssMb: { node: number; chromium: number; total: number };
}

const MB = 1024 * 1024;
/** A browser that dies sooner than this after launch counts towards a crash loop. */
const QUICK_CRASH_MS = 30_000;
const round = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

/**
 * One Chromium, one page per match. Owns the browser's life: launches it, relaunches it
 * when it dies and reopens every match, and closes it (and everything it started) on stop.
 */
export class Watcher {
  private readonly sessions = new Map<string, MatchSession>();
  private readonly timing: WatcherTiming;
  private readonly logger: JsonLogger;
  private readonly launch: () => Promise<Browser>;
  private browser: Browser | undefined;
  private pool: PagePool | undefined;
  private browserPids: number[] = [];
  private running = false;
  private stopping: Promise<void> | undefined;
  private recovering = false;
  private launchedAt = 0;
  /** Relaunches in a row whose browser died young: a crash loop backs off instead of spinning. */
  private quickCrashes = 0;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private resolveRun: (() => void) | undefined;

  constructor(private readonly options: WatcherOptions) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.logger = options.logger ?? createLogger({ service: 'scraper' });
    this.launch = options.launch ?? (() => launchBrowser({ singleProcess: options.singleProcess }));
  }

  /** Starts watching a match (now, or when `run()` starts). Adding a watched match again does nothing. */
  add(input: WatchTarget): void {
    const target = parseWatchTarget(input);
    if (this.sessions.has(target.matchId) || this.stopping) return;
    const session = new MatchSession(target, {
      queue: this.options.queue,
      timing: this.timing,
      logger: this.logger,
      now: this.options.now ?? (() => new Date()),
      requestPolicy: {
        ...requestPolicyFor(target.url, this.options.allowedHosts),
        loadUnneeded: this.options.loadUnneeded,
      },
      onFinished: (finished) => this.forget(finished),
    });
    this.sessions.set(target.matchId, session);
    if (this.pool?.connected) void session.open(this.pool, { force: false, reason: 'added' });
  }

  /** Stops watching a match; false when it was not being watched. */
  async remove(matchId: string): Promise<boolean> {
    const session = this.sessions.get(matchId);
    if (!session) return false;
    await session.close();
    this.forget(session);
    return true;
  }

  /** Match ids being watched. */
  get matchIds(): string[] {
    return [...this.sessions.keys()];
  }

  /** The Chromium process id, while one is running. */
  get browserPid(): number | null {
    return this.browser?.process()?.pid ?? null;
  }

  /**
   * Launches the browser and watches every added match. Resolves when `stop()` is called,
   * or (with `exitWhenIdle`, the default) when every match has finished.
   */
  async run(): Promise<void> {
    if (this.running) throw new Error('the watcher is already running');
    this.running = true;
    const stopped = new Promise<void>((resolve) => (this.resolveRun = resolve));
    await this.startBrowser();
    this.heartbeatTimer = setInterval(() => this.heartbeat(), this.timing.heartbeatMs);
    this.heartbeatTimer.unref();
    this.stopIfIdle();
    return stopped;
  }

  /** Closes every page and the browser, and makes sure no Chromium process outlives it. */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  /** Where each watched match stands. */
  statuses(): SessionStatus[] {
    return [...this.sessions.values()].map((s) => s.status());
  }

  /** Logs and returns the heartbeat: matches, their last change, and memory. */
  heartbeat(): Heartbeat {
    const pid = this.browserPid;
    const node = processRssBytes(process.pid);
    const chromium = pid ? processTreeRssBytes(pid) : 0;
    const nodePss = processTreePssBytes(process.pid, { descendants: false });
    const chromiumPss = pid ? processTreePssBytes(pid) : 0;
    if (pid) this.browserPids = [...new Set([...this.browserPids, ...processTreePids(pid)])].filter(isAlive);
    const report: Heartbeat = {
      watched: this.sessions.size,
      matches: this.statuses(),
      browserPid: pid,
      rssMb: { node: round(node), chromium: round(chromium), total: round(node + chromium) },
      pssMb: { node: round(nodePss), chromium: round(chromiumPss), total: round(nodePss + chromiumPss) },
    };
    this.logger.info('heartbeat', { ...report });
    return report;
  }

  private async startBrowser(): Promise<void> {
    this.adopt(await this.launch());
    this.openAll({ force: false, reason: 'started' });
  }

  /** Makes `browser` the one every match lives in, and watches it for its death. */
  private adopt(browser: Browser): void {
    this.browser = browser;
    this.pool = new PagePool(browser, {
      perContext: this.options.matchesPerContext ?? 4,
      useContexts: !this.options.singleProcess,
    });
    this.launchedAt = Date.now();
    const pid = browser.process()?.pid ?? null;
    this.browserPids = pid ? processTreePids(pid) : [];
    this.logger.info('browser launched', { browserPid: pid });
    browser.on('disconnected', () => {
      if (browser === this.browser && !this.stopping) void this.recover();
    });
  }

  private openAll(options: { force: boolean; reason: string }): void {
    const pool = this.pool;
    if (!pool) return;
    for (const session of this.sessions.values()) void session.open(pool, options);
  }

  /** The browser died: relaunch it and reopen every match, forcing a read of each. */
  private async recover(): Promise<void> {
    if (this.recovering) return;
    this.recovering = true;
    const started = Date.now();
    this.logger.error('browser disconnected; relaunching', { watched: this.sessions.size });
    for (const session of this.sessions.values()) session.suspend();
    this.killLeftovers();
    const diedYoung = started - this.launchedAt < QUICK_CRASH_MS;
    this.quickCrashes = diedYoung ? this.quickCrashes + 1 : 0;
    try {
      if (this.quickCrashes > 1) await delay(backoffDelay(this.quickCrashes - 2, this.timing.relaunchRetry));
      for (let attempt = 0; !this.stopping; attempt++) {
        try {
          const browser = await this.launch();
          if (this.stopping) {
            await browser.close();
            return;
          }
          this.adopt(browser);
          this.openAll({ force: true, reason: 'browser-relaunched' });
          this.logger.info('browser relaunched', { tookMs: Date.now() - started });
          return;
        } catch (error) {
          const waitMs = backoffDelay(attempt, this.timing.relaunchRetry);
          this.logger.error('browser relaunch failed; retrying', { attempt: attempt + 1, waitMs, error });
          await delay(waitMs);
        }
      }
    } finally {
      this.recovering = false;
    }
  }

  private forget(session: MatchSession): void {
    if (this.sessions.get(session.matchId) !== session) return;
    this.sessions.delete(session.matchId);
    this.stopIfIdle();
  }

  private stopIfIdle(): void {
    if (this.running && this.sessions.size === 0 && (this.options.exitWhenIdle ?? true)) {
      this.logger.info('nothing left to watch');
      void this.stop();
    }
  }

  private async shutdown(): Promise<void> {
    clearInterval(this.heartbeatTimer);
    await Promise.all([...this.sessions.values()].map((session) => session.close()));
    this.sessions.clear();
    const browser = this.browser;
    const pid = browser?.process()?.pid;
    if (pid) this.browserPids = [...new Set([...this.browserPids, ...processTreePids(pid)])];
    if (browser) {
      await Promise.race([browser.close().catch(() => undefined), delay(5_000)]);
    }
    this.killLeftovers();
    this.logger.info('watcher stopped', { browserPid: pid ?? null });
    this.resolveRun?.();
  }

  /** SIGKILLs any process of the last browser still alive, so none is orphaned. */
  private killLeftovers(): void {
    const current = this.browser?.process()?.pid;
    const pids = new Set([...this.browserPids, ...(current ? processTreePids(current) : [])]);
    for (const pid of pids) {
      if (!isAlive(pid)) continue;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}
