import boardCss from './styles/board.css';
import { resolvePageConfig } from './config/page-config.ts';
import { h } from './render/dom.ts';
import { LiveScoreboard } from './live-scoreboard.ts';

/**
 * `<live-scores-board api="https://scores.example" team="firstTeam" label="1st XI">`: the
 * scoreboard as a drop-in element for a club's own website. Shadow DOM keeps the club's styles
 * and ours apart; the rendering is the page's own.
 *
 * Attributes: `api` (where the scores server is; default this page's origin), `team` (one or
 * more team ids, comma-separated; default all), `label` (their headings, comma-separated),
 * `ws` (live socket URL; default `<api>/live`), `overs` (per side; default 50),
 * `stale-seconds` (default 600).
 */
export class LiveScoresBoardElement extends HTMLElement {
  #scoreboard: LiveScoreboard | null = null;

  connectedCallback(): void {
    if (this.#scoreboard) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const doc = this.ownerDocument;
    const list = (name: string) =>
      (this.getAttribute(name) ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    const teamIds = list('team');
    const labels = list('label');
    const { config, problems } = resolvePageConfig(location.href, {
      api: this.getAttribute('api') ?? undefined,
      ws: this.getAttribute('ws') ?? undefined,
      overs: this.getAttribute('overs') ?? undefined,
      staleSeconds: this.getAttribute('stale-seconds') ?? undefined,
      teams: teamIds.map((id, i) => ({ id, label: labels[i] ?? id })),
    });
    for (const problem of problems) console.warn(`<live-scores-board>: ${problem}`);

    const board = h(doc, 'div', { class: 'board', 'aria-busy': 'true' });
    const status = h(doc, 'div', { class: 'live-status' });
    const announcer = h(doc, 'div');
    shadow.replaceChildren(
      h(doc, 'style', {}, boardCss),
      h(doc, 'div', { class: 'ls-root embedded' }, status, board, announcer),
    );
    this.#scoreboard = new LiveScoreboard({ board, status, announcer }, config, { teamFilter: teamIds });
    void this.#scoreboard.start();
  }

  disconnectedCallback(): void {
    this.#scoreboard?.stop();
    this.#scoreboard = null;
  }
}

if (!customElements.get('live-scores-board'))
  customElements.define('live-scores-board', LiveScoresBoardElement);
