import type { LiveDiffMessage, OverHistory, Scorecard } from '@live-scores/schema';
import { applyScorecardDiff, isSameCapture } from '@live-scores/schema/scorecard-diff';
import { apiUrl, type PageConfig } from './config/page-config.ts';
import { isStale } from './live/freshness.ts';
import { LiveConnection } from './live/live-connection.ts';
import { fetchOverHistory, oversPath } from './overs/overs-api.ts';
import { LatestOverHistories } from './overs/latest-over-histories.ts';
import { BoardView } from './render/board-view.ts';
import { reportFromResponse, reportPath } from './render/report-view.ts';
import { Announcer, StatusView } from './render/status-view.ts';
import { announcements, changedRows } from './scoreboard/changes.ts';
import { isNewerScorecard, LatestScorecards } from './scoreboard/latest-scorecards.ts';
import { isScorecard, parseLiveMessage, scorecardsFromResponse } from './scoreboard/scorecard-guard.ts';

/** How soon a match with no over history is asked for it again, as its scorecards keep coming. */
const OVERS_RETRY_MS = 15_000;

export interface ScoreboardElements {
  board: HTMLElement;
  status: HTMLElement;
  announcer: HTMLElement;
}

export interface ScoreboardOptions {
  /** Show only these teams (the embed's `team` attribute); all teams when absent. */
  teamFilter?: readonly string[];
}

/**
 * The live scoreboard shared by the page and the embeddable element: loads today's scorecards,
 * keeps them current over the live socket, renders them, and keeps the indicator honest.
 */
export class LiveScoreboard {
  readonly #store = new LatestScorecards();
  readonly #overs = new LatestOverHistories();
  /** Matches whose over history is being fetched, and when each was last asked for. */
  readonly #oversInFlight = new Set<string>();
  readonly #oversAskedAt = new Map<string, number>();
  readonly #board: BoardView;
  readonly #status: StatusView;
  readonly #announcer: Announcer;
  readonly #connection: LiveConnection;
  readonly #teamFilter: ReadonlySet<string> | null;
  readonly #onWake = () => this.#connection.nudge();
  readonly #onVisibility = () => {
    if (document.visibilityState === 'visible') this.#connection.nudge();
  };
  #lastUpdateAt: number | null = null;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly elements: ScoreboardElements,
    readonly config: PageConfig,
    options: ScoreboardOptions = {},
  ) {
    this.#teamFilter = options.teamFilter?.length ? new Set(options.teamFilter) : null;
    const teams = this.#teamFilter
      ? (config.teams.length ? config.teams : [...this.#teamFilter].map((id) => ({ id, label: id }))).filter(
          (t) => this.#teamFilter?.has(t.id),
        )
      : config.teams;
    this.#board = new BoardView(elements.board, {
      oversPerSide: config.oversPerSide,
      teams,
      oversOf: (matchId) => this.#overs.get(matchId),
      loadReport: async (matchId) => {
        const response = await fetch(this.#apiUrl(reportPath(matchId)));
        if (response.status === 404) return null;
        if (!response.ok) throw new Error(`GET ${reportPath(matchId)} answered ${response.status}`);
        return reportFromResponse(await response.json());
      },
    });
    this.#status = new StatusView(elements.status);
    this.#announcer = new Announcer(elements.announcer);
    this.#connection = new LiveConnection({
      url: config.wsUrl,
      onMessage: (data) => void this.#receive(data),
      onStateChange: () => this.#showStatus(),
      onReconnected: () => void this.resync(),
    });
  }

  /** Starts loading and listening; resolves once the first load has been rendered. */
  start(): Promise<void> {
    const firstLoad = this.resync();
    this.#connection.start();
    this.#ticker = setInterval(() => this.#showStatus(), 1000);
    addEventListener('online', this.#onWake);
    document.addEventListener('visibilitychange', this.#onVisibility);
    return firstLoad;
  }

  stop(): void {
    this.#connection.stop();
    clearInterval(this.#ticker);
    removeEventListener('online', this.#onWake);
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  /** Loads every current scorecard over HTTP: at start and after every reconnect. */
  async resync(): Promise<void> {
    try {
      const response = await fetch(this.#apiUrl('/api/scorecards'), { cache: 'no-store' });
      if (!response.ok) throw new Error(`GET /api/scorecards answered ${response.status}`);
      const scorecards = scorecardsFromResponse(await response.json());
      for (const scorecard of scorecards) this.#apply(scorecard, { render: false });
      this.#lastUpdateAt = Date.now();
      this.#renderAll();
      // Anything the socket said while away is lost: every match's history is fetched afresh.
      for (const list of this.#store.byTeam().values())
        for (const scorecard of list) void this.#fetchOvers(scorecard, { always: true });
    } catch (error) {
      console.warn(`live-scores: could not load scorecards: ${(error as Error).message}`);
      if (this.#lastUpdateAt == null) this.#renderAll();
    }
  }

  /** Brings a match into view, e.g. when a notification about it was tapped; its report too when asked. */
  reveal(matchId: string, { report = false }: { report?: boolean } = {}): void {
    const card = this.elements.board.querySelector<HTMLElement>(`[data-match="${CSS.escape(matchId)}"]`);
    card?.scrollIntoView({ block: 'start' });
    if (report) void this.#board.cardOf(matchId)?.report.open();
  }

  async #receive(data: unknown): Promise<void> {
    const message = parseLiveMessage(data);
    if (!message) return;
    this.#lastUpdateAt = Date.now();
    if (message.type === 'overs') {
      this.#applyOvers(message.history);
      this.#showStatus();
      return;
    }
    if (message.type === 'diff') {
      const scorecard = this.#patched(message);
      if (scorecard) this.#apply(scorecard, { render: true });
      this.#showStatus();
      return;
    }
    let scorecard = message.scorecard;
    // Too large for one frame: the server sent the headline only; fetch the full card first.
    if (message.fetch) scorecard = (await this.#fetchFull(message.fetch, scorecard.matchId)) ?? scorecard;
    this.#apply(scorecard, { render: true });
    this.#showStatus();
  }

  /**
   * The match's card with the diff's edits made, or undefined. A diff built on a card this
   * page does not hold means a message was missed: ask the server for the current cards.
   */
  #patched(diff: LiveDiffMessage): Scorecard | undefined {
    if (this.#teamFilter && !this.#teamFilter.has(diff.teamId)) return undefined;
    const current = this.#store.get(diff.matchId);
    if (current && !isNewerScorecard(diff, current)) return undefined;
    if (current && isSameCapture(current, diff.base)) {
      try {
        const next = applyScorecardDiff(current, diff.changes);
        if (isScorecard(next)) return next;
      } catch {
        /* an edit that does not fit: resync below */
      }
    }
    this.#connection.requestSync();
    return undefined;
  }

  async #fetchFull(path: string, matchId: string): Promise<Scorecard | undefined> {
    try {
      const response = await fetch(this.#apiUrl(path), { cache: 'no-store' });
      if (!response.ok) return undefined;
      return scorecardsFromResponse(await response.json()).find((s) => s.matchId === matchId);
    } catch {
      return undefined;
    }
  }

  #apply(scorecard: Scorecard, { render }: { render: boolean }): void {
    if (this.#teamFilter && !this.#teamFilter.has(scorecard.teamId)) return;
    const offer = this.#store.offer(scorecard);
    if (!offer.accepted || !render) return;
    const updatedInPlace = this.#board.update(scorecard, changedRows(offer.previous, scorecard));
    if (!updatedInPlace) this.#renderAll();
    this.#announcer.say(announcements(offer.previous, scorecard));
    if (!this.#overs.get(scorecard.matchId)) void this.#fetchOvers(scorecard, { always: false });
  }

  #applyOvers(history: OverHistory): void {
    if (this.#teamFilter && !this.#teamFilter.has(history.teamId)) return;
    if (this.#overs.offer(history)) this.#board.cardOf(history.matchId)?.showOvers(history);
  }

  /**
   * Fetches a match's over history: after every load, and for a match the socket has sent no
   * history for yet, at most once per OVERS_RETRY_MS (the server may have none yet).
   */
  async #fetchOvers(scorecard: Scorecard, { always }: { always: boolean }): Promise<void> {
    const { matchId } = scorecard;
    if (scorecard.innings.length === 0 || this.#oversInFlight.has(matchId)) return;
    const now = Date.now();
    if (!always && now - (this.#oversAskedAt.get(matchId) ?? -Infinity) < OVERS_RETRY_MS) return;
    this.#oversInFlight.add(matchId);
    this.#oversAskedAt.set(matchId, now);
    try {
      const history = await fetchOverHistory(this.#apiUrl(oversPath(matchId)), matchId);
      if (history) this.#applyOvers(history);
    } catch (error) {
      console.warn(`live-scores: could not load the overs of match ${matchId}: ${(error as Error).message}`);
    } finally {
      this.#oversInFlight.delete(matchId);
    }
  }

  #renderAll(): void {
    this.#board.render(this.#store.byTeam());
    this.#showStatus();
  }

  #showStatus(): void {
    const now = Date.now();
    const stale = isStale({
      lastUpdateAt: this.#lastUpdateAt,
      now,
      staleAfterMs: this.config.staleAfterMs,
      anyInProgress: this.#store.anyInProgress(),
    });
    this.elements.board.toggleAttribute('data-stale', stale);
    this.#status.show({ connection: this.#connection.state, lastUpdateAt: this.#lastUpdateAt, stale, now });
  }

  #apiUrl(path: string): string {
    return apiUrl(this.config.apiBase, path);
  }
}
