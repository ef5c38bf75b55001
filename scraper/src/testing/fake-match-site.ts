import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal league site for the watcher's tests: match pages in the source-site shape
 * with a cookie banner, a scorecard tab that can start late, and a live feed (EventSource)
 * through which the page changes its own DOM, as the real site does.
 */

export interface FakeMatchState {
  runs: number;
  wickets: number;
  balls: number;
  status: string;
  winner: string;
  /** Whether the scorer has started: without it the page has no scorecard tab at all. */
  scoringStarted: boolean;
  /** Milliseconds after the cookie banner is accepted before the tab appears on a live page. */
  tabDelayMs: number;
  /** The page takes its scorecard pane out of the DOM (as a re-rendering site may, briefly). */
  paneRemoved: boolean;
  version: number;
}

export interface AppliedChange {
  matchId: string;
  version: number;
  /** Epoch ms at which the page applied the change to its DOM. */
  at: number;
}

export interface FakeMatchSite {
  baseUrl: string;
  matchUrl(matchId: string): string;
  /** Creates (or resets) a match. */
  addMatch(matchId: string, initial?: Partial<FakeMatchState>): void;
  /** Changes a match and pushes the change to every open page. */
  update(matchId: string, patch: Partial<FakeMatchState>): FakeMatchState;
  /** One legal ball: one run, the over count moves on. */
  ball(matchId: string): FakeMatchState;
  state(matchId: string): FakeMatchState;
  /** Pages that accepted the cookie banner, per match. */
  consents(matchId: string): number;
  /** Pages currently following the live feed of a match. */
  liveViewers(matchId: string): number;
  applied(): AppliedChange[];
  close(): Promise<void>;
}

const DEFAULT_STATE: FakeMatchState = {
  runs: 0,
  wickets: 0,
  balls: 0,
  status: 'IN PROGRESS',
  winner: '',
  scoringStarted: true,
  tabDelayMs: 0,
  paneRemoved: false,
  version: 0,
};

/** Overs as the scorer writes them: 7 balls is "1.1". */
export function oversText(balls: number): string {
  return `${Math.floor(balls / 6)}.${balls % 6}`;
}

function matchPage(matchId: string, state: FakeMatchState): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Scholes CC v Cleckheaton CC</title></head>
<body>
<div id="cookie-banner" style="position:fixed;inset:0;background:#fff;z-index:10">
  <p>This site uses cookies.</p><button type="button">ACCEPT</button>
</div>
<div class="container main-header">
  <div class="match-head">
    <div class="teams"><span>Scholes CC - 1st XI</span> v <span>Cleckheaton CC - 1st XI</span></div>
    <div class="status-line"><span class="team-won"></span><span class="match-status"></span></div>
  </div>
</div>
<ul class="nav nav-tabs" id="tabs"></ul>
<div id="panes"></div>
<script>
const matchId = ${JSON.stringify(matchId)};
let state = ${JSON.stringify(state)};
const overs = (b) => Math.floor(b / 6) + '.' + (b % 6);
function scorecardHtml() {
  return '<ul class="nvp-innings__tabs"><li><a class="nvp-innings__tab-team">Scholes CC</a></li></ul>' +
    '<div class="nvp-innings__tab-content"><div class="nvp-scorecard__table">' +
    '<div class="nvp-scorecard__table-row"><div class="nvp-scorecard__batsmen"><a href="#">S Mahmood</a></div>' +
    '<div class="nvp-scorecard__event"><div><span class="nvp-scorecard__event_icon">not out</span></div></div>' +
    '<div class="nvp-scorecard__runs">' + state.runs + '</div><div class="nvp-scorecard__balls">' + state.balls + '</div></div>' +
    '<div class="nvp-scorecard__bottom-info--right"><div>Extras <span>0</span></div>' +
    '<div>Total <span class="total">' + state.runs + ' for ' + state.wickets + ' (' + overs(state.balls) + ' Overs)</span></div></div>' +
    '</div></div>';
}
function render() {
  document.querySelector('.match-status').textContent = state.status;
  document.querySelector('.team-won').textContent = state.winner;
  let pane = document.getElementById('nvScorecardTab');
  if (pane && state.paneRemoved) {
    pane.remove();
    return;
  }
  if (!pane && !state.paneRemoved && document.getElementById('nvScorecardTab-tab')?.dataset.opened) pane = addPane();
  if (pane) pane.innerHTML = scorecardHtml();
}
function addPane() {
  const pane = document.createElement('div');
  pane.id = 'nvScorecardTab';
  pane.className = 'tab-pane';
  document.getElementById('panes').appendChild(pane);
  return pane;
}
function showTab() {
  const tab = document.createElement('li');
  tab.innerHTML = '<a id="nvScorecardTab-tab" href="#nvScorecardTab">Scorecard</a>';
  tab.firstChild.addEventListener('click', (event) => {
    event.preventDefault();
    event.currentTarget.dataset.opened = 'yes';
    if (!document.getElementById('nvScorecardTab')) addPane();
    render();
  });
  document.getElementById('tabs').appendChild(tab);
}
document.querySelector('#cookie-banner button').addEventListener('click', () => {
  document.getElementById('cookie-banner').remove();
  fetch('/__fake/consent/' + matchId, { method: 'POST' });
  if (state.scoringStarted) setTimeout(showTab, state.tabDelayMs);
});
render();
const feed = new EventSource('/__fake/events/' + matchId);
feed.onmessage = (event) => {
  state = JSON.parse(event.data);
  render();
  navigator.sendBeacon('/__fake/applied/' + matchId, JSON.stringify({ version: state.version, at: Date.now() }));
};
</script>
</body></html>`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

export async function startFakeMatchSite(): Promise<FakeMatchSite> {
  const states = new Map<string, FakeMatchState>();
  const viewers = new Map<string, Set<ServerResponse>>();
  const consents = new Map<string, number>();
  const applied: AppliedChange[] = [];

  const stateOf = (matchId: string): FakeMatchState => {
    const state = states.get(matchId);
    if (!state) throw new Error(`no fake match ${matchId}`);
    return state;
  };

  const server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const [, section, kind, matchId = ''] = path.split('/');
      if (section === 'website' && kind === 'results' && states.has(matchId)) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(matchPage(matchId, stateOf(matchId)));
      } else if (section === '__fake' && kind === 'events' && states.has(matchId)) {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        response.write(': live\n\n');
        const set = viewers.get(matchId) ?? new Set();
        viewers.set(matchId, set.add(response));
        request.on('close', () => set.delete(response));
      } else if (section === '__fake' && kind === 'consent') {
        consents.set(matchId, (consents.get(matchId) ?? 0) + 1);
        response.writeHead(204).end();
      } else if (section === '__fake' && kind === 'applied') {
        const { version, at } = JSON.parse(await readBody(request)) as { version: number; at: number };
        applied.push({ matchId, version, at });
        response.writeHead(204).end();
      } else {
        response.writeHead(404).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const update = (matchId: string, patch: Partial<FakeMatchState>): FakeMatchState => {
    const previous = stateOf(matchId);
    const next = { ...previous, ...patch, version: previous.version + 1 };
    states.set(matchId, next);
    for (const viewer of viewers.get(matchId) ?? []) viewer.write(`data: ${JSON.stringify(next)}\n\n`);
    return next;
  };

  return {
    baseUrl,
    matchUrl: (matchId) => `${baseUrl}/website/results/${matchId}`,
    addMatch: (matchId, initial = {}) => void states.set(matchId, { ...DEFAULT_STATE, ...initial }),
    update,
    ball: (matchId) => {
      const { runs, balls } = stateOf(matchId);
      return update(matchId, { runs: runs + 1, balls: balls + 1 });
    },
    state: stateOf,
    consents: (matchId) => consents.get(matchId) ?? 0,
    liveViewers: (matchId) => viewers.get(matchId)?.size ?? 0,
    applied: () => [...applied],
    close: async () => {
      for (const set of viewers.values()) for (const viewer of set) viewer.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
