import { setTimeout as delay } from 'node:timers/promises';
import type { Page } from 'puppeteer-core';
import { TimeoutError } from 'puppeteer-core';
import type { HtmlQueue, JsonLogger } from '@live-scores/core';
import type { ScorecardHtml } from '@live-scores/schema';
import { backoffDelay } from './backoff.ts';
import { acceptCookieBanner } from './browser.ts';
import { Coalescer } from './coalescer.ts';
import { Delivery } from './delivery.ts';
import { snapshotNews, type SnapshotMemory } from './snapshot-news.ts';
import type { PagePool } from './page-pool.ts';
import {
  CHANGE_BINDING,
  INSTALL_OBSERVER,
  OPEN_SCORECARD_TAB,
  type PageSnapshot,
  READ_SNAPSHOT,
  SCORECARD_SELECTOR,
  SCORECARD_TAB_SELECTOR,
  isCompleteStatus,
} from './page-scripts.ts';
import { guardPageRequests, type RequestPolicy } from './request-guard.ts';
import type { WatchTarget } from './watch-target.ts';
import type { WatcherTiming } from './timing.ts';

export type SessionState = 'opening' | 'waiting-for-scoring' | 'watching' | 'finished';

export interface MatchSessionDeps {
  queue: HtmlQueue;
  timing: WatcherTiming;
  logger: JsonLogger;
  now: () => Date;
  /** What the page may load: its league site, the allowed hosts, no private addresses. */
  requestPolicy: RequestPolicy;
  /** Called once the match's final scorecard has been accepted by the queue. */
  onFinished: (session: MatchSession) => void;
}

/** What a heartbeat reports of one match. */
export interface SessionStatus {
  matchId: string;
  teamId: string;
  state: SessionState;
  seq: number;
  lastChangeAt: string | null;
  backlog: number;
}

/**
 * One match on one page: open it, get past the cookie banner, wait for scoring to start,
 * open the scorecard, then turn DOM changes into messages. The page may be replaced at any
 * time (crash, periodic reload, browser relaunch); the sequence number and the last content
 * hash belong to the match and survive that.
 */
export class MatchSession {
  state: SessionState = 'opening';
  private seq = 0;
  private lastChangeAt: Date | undefined;
  private page: Page | undefined;
  private pool: PagePool | undefined;
  private attachment: AbortController | undefined;
  private ready = false;
  private reading = false;
  private readAgain = false;
  private forceNext = false;
  /** Which parts the page has shown so far. */
  private memory: SnapshotMemory = { lastHash: undefined, seen: { headerHtml: false, scorecardHtml: false } };
  private timers: NodeJS.Timeout[] = [];
  private readonly coalescer: Coalescer;
  private readonly delivery: Delivery;
  private readonly logger: JsonLogger;

  constructor(
    readonly target: WatchTarget,
    private readonly deps: MatchSessionDeps,
  ) {
    this.logger = deps.logger.child({ matchId: target.matchId, teamId: target.teamId });
    this.coalescer = new Coalescer(() => void this.capture('dom-change'), {
      waitMs: deps.timing.debounceMs,
      maxWaitMs: deps.timing.maxWaitMs,
    });
    this.delivery = new Delivery(deps.queue, deps.timing.sendRetry, this.logger);
  }

  get matchId(): string {
    return this.target.matchId;
  }

  status(): SessionStatus {
    return {
      matchId: this.target.matchId,
      teamId: this.target.teamId,
      state: this.state,
      seq: this.seq,
      lastChangeAt: this.lastChangeAt?.toISOString() ?? null,
      backlog: this.delivery.backlog,
    };
  }

  /**
   * (Re)opens the match in a fresh page, retrying failed loads with backoff until it is
   * watching, the session is closed, or the browser is gone. With `force`, the first read
   * is sent even when unchanged, so consumers learn the current state after a recovery.
   */
  async open(pool: PagePool, options: { force: boolean; reason: string }): Promise<void> {
    if (this.state === 'finished') return;
    this.detach();
    this.pool = pool;
    const attachment = new AbortController();
    this.attachment = attachment;
    const { signal } = attachment;
    this.forceNext ||= options.force;
    this.state = 'opening';
    this.logger.info('opening match page', { url: this.target.url, reason: options.reason });

    for (let attempt = 0; !signal.aborted; attempt++) {
      try {
        const page = this.page ?? (await this.newPage(pool, signal));
        await this.prepare(page, signal);
        this.startTimers(pool, signal);
        await this.capture('opened');
        return;
      } catch (error) {
        if (signal.aborted || !pool.connected) return;
        const waitMs = backoffDelay(attempt, this.deps.timing.navigationRetry);
        this.logger.warn('could not open match page; retrying', { attempt: attempt + 1, waitMs, error });
        const waited = await delay(waitMs, true, { signal }).catch(() => false);
        if (!waited) return;
      }
    }
  }

  /** Forgets the current page without touching it: the browser it lived in is gone. */
  suspend(): void {
    this.page = undefined;
    this.detach();
  }

  /** Stops watching: timers, page and outbox. Does not report the match as finished. */
  async close(): Promise<void> {
    this.state = 'finished';
    const page = this.page;
    this.detach();
    this.delivery.close();
    if (page) await this.pool?.close(page);
  }

  private detach(): void {
    this.attachment?.abort();
    this.attachment = undefined;
    this.ready = false;
    this.coalescer.cancel();
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    const page = this.page;
    this.page = undefined;
    if (page && !page.isClosed()) void this.pool?.close(page);
  }

  private async newPage(pool: PagePool, signal: AbortSignal): Promise<Page> {
    const page = await pool.newPage();
    if (signal.aborted) {
      await pool.close(page);
      throw signal.reason;
    }
    this.page = page;
    await guardPageRequests(page, this.deps.requestPolicy, this.logger);
    await page.exposeFunction(CHANGE_BINDING, () => {
      if (page === this.page) this.coalescer.trigger();
    });
    page.on('error', (error) => {
      if (page !== this.page || signal.aborted) return;
      this.logger.error('page crashed; reopening', { error });
      void this.open(pool, { force: true, reason: 'page-crash' });
    });
    return page;
  }

  /** Load, cookies, scorecard tab, observer: everything before the first read. */
  private async prepare(page: Page, signal: AbortSignal): Promise<void> {
    this.ready = false;
    await this.load(page);
    const found = await this.waitForScorecardTab(page, signal);
    if (found) {
      await page.evaluate(OPEN_SCORECARD_TAB);
      await page.waitForSelector(SCORECARD_SELECTOR, { timeout: 5_000, signal }).catch(() => undefined);
    }
    await page.evaluate(INSTALL_OBSERVER);
    this.ready = true;
    this.state = 'watching';
  }

  private async load(page: Page): Promise<void> {
    const response = await page.goto(this.target.url, {
      waitUntil: 'domcontentloaded',
      timeout: this.deps.timing.navigationTimeoutMs,
    });
    if (response && !response.ok()) throw new Error(`match page answered HTTP ${response.status()}`);
    if (await acceptCookieBanner(page)) this.logger.info('cookie banner accepted');
  }

  /**
   * Before scoring starts the page has no scorecard tab. Waits for it to appear, reloading
   * between ever longer waits. False when the match ended without one (abandoned before a
   * ball), so its result is still reported.
   */
  private async waitForScorecardTab(page: Page, signal: AbortSignal): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      const timeout = backoffDelay(attempt, this.deps.timing.tabPoll);
      const appeared = await page.waitForSelector(SCORECARD_TAB_SELECTOR, { timeout, signal }).then(
        () => true,
        (error: unknown) => {
          if (error instanceof TimeoutError && !signal.aborted) return false;
          throw error;
        },
      );
      if (appeared) return true;
      const snapshot = (await page.evaluate(READ_SNAPSHOT)) as PageSnapshot;
      if (isCompleteStatus(snapshot.status)) return false;
      if (this.state !== 'waiting-for-scoring') this.logger.info('scoring has not started; polling for it');
      this.state = 'waiting-for-scoring';
      await this.load(page);
    }
  }

  private startTimers(pool: PagePool, signal: AbortSignal): void {
    const { safetyPollMs, reloadMs } = this.deps.timing;
    this.timers.push(setInterval(() => void this.capture('safety-poll'), safetyPollMs));
    this.timers.push(
      setInterval(() => {
        if (!signal.aborted) void this.open(pool, { force: false, reason: 'periodic-reload' });
      }, reloadMs),
    );
  }

  /** Reads header and scorecard; queues a message when their content changed (or is forced). */
  private async capture(reason: string): Promise<void> {
    const page = this.page;
    if (!this.ready || !page) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    try {
      const snapshot = (await page.evaluate(READ_SNAPSHOT)) as PageSnapshot;
      if (page === this.page && this.ready) this.consider(snapshot, reason);
    } catch (error) {
      this.logger.debug('page read failed', { reason, error });
    } finally {
      this.reading = false;
      if (this.readAgain) {
        this.readAgain = false;
        void this.capture('changed-during-read');
      }
    }
  }

  private consider(snapshot: PageSnapshot, reason: string): void {
    const forced = this.forceNext;
    const verdict = snapshotNews(snapshot, this.memory, forced);
    if (verdict.kind === 'empty') {
      this.logger.warn('page shows neither header nor scorecard', { reason });
      return;
    }
    // The observer reports the missing part's return.
    if (verdict.kind === 'part-missing') {
      this.logger.debug('page part missing; waiting for it to return', { reason, lost: verdict.lost });
      return;
    }
    if (verdict.kind === 'unchanged') return;
    this.forceNext = false;
    this.memory = verdict.memory;
    this.seq += 1;
    const capturedAt = this.deps.now();
    this.lastChangeAt = capturedAt;
    const message: ScorecardHtml = {
      matchId: this.target.matchId,
      teamId: this.target.teamId,
      url: this.target.url,
      capturedAt: capturedAt.toISOString(),
      seq: this.seq,
      headerHtml: snapshot.headerHtml,
      scorecardHtml: snapshot.scorecardHtml,
    };
    const final = isCompleteStatus(snapshot.status);
    this.logger.info('scorecard changed', { seq: this.seq, reason, forced, final, status: snapshot.status });
    this.delivery.enqueue(message, final ? () => this.finishWhenFlushed() : undefined);
  }

  /** The final scorecard reached the queue: nothing more will change, so stop watching. */
  private finishWhenFlushed(): void {
    if (this.delivery.backlog > 0 || this.state === 'finished') return;
    this.logger.info('final scorecard sent; match finished', { seq: this.seq });
    void this.close().then(() => this.deps.onFinished(this));
  }
}
