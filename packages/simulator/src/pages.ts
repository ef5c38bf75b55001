import { escapeHtml as e } from './html.ts';
import { LIVE_SCRIPT } from './live-script.ts';
import type { MatchUpdate } from './render-match.ts';
import { renderPart } from './render-match.ts';
import { ASSET_MARKUP, ASSET_STYLE } from './site-assets.ts';

/** Whole documents: the fixtures page and the match page, with the cookie banner. */

export const COOKIE_NAME = 'sim_cookie_consent';

const STYLE = `
body { font-family: sans-serif; margin: 0; }
.cookie-overlay { position: fixed; inset: 0; z-index: 1000; background: rgba(0, 0, 0, 0.7); display: flex; align-items: flex-end; justify-content: center; }
.cookie-dialog { background: #fff; padding: 1.5rem; margin-bottom: 2rem; max-width: 40rem; }
.nav-tabs { display: flex; gap: 1rem; list-style: none; padding: 0 1rem; }
.tab-pane { display: none; padding: 1rem; }
.tab-pane.active { display: block; }
.nvp-scorecard__table-row, .nvp-scorecard__table-head { display: grid; grid-template-columns: 10rem 14rem repeat(6, 4rem); }
.nvp-innings__tabs { display: flex; gap: 1rem; list-style: none; padding: 0; }
table { border-collapse: collapse; } td { padding: 0.25rem 0.75rem; }
`;

function cookieBanner(accepted: boolean): string {
  if (accepted) return '';
  return (
    '<div id="cookie-consent" class="cookie-overlay"><div class="cookie-dialog">' +
    '<p>We use cookies to give you the best experience on our website.</p>' +
    '<button type="button" class="btn btn-primary">ACCEPT</button></div></div>'
  );
}

function documentShell(title: string, body: string, bodyAttributes = ''): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${e(title)}</title><style>${STYLE}${ASSET_STYLE}</style></head>` +
    `<body${bodyAttributes}>${body}<script>${LIVE_SCRIPT}</script></body></html>`
  );
}

export function renderMatchPage(
  update: MatchUpdate,
  options: { cookiesAccepted: boolean; title: string },
): string {
  const tabLink = update.scorecard
    ? '<li class="nav-item"><a class="nav-link" id="nvScorecardTab-tab" href="#nvScorecardTab" role="tab">Scorecard</a></li>'
    : '';
  const pane = update.scorecard
    ? `<div id="nvScorecardTab" class="tab-pane" role="tabpanel">${update.scorecard.map((p) => renderPart(p)).join('')}</div>`
    : '';
  const body =
    cookieBanner(options.cookiesAccepted) +
    ASSET_MARKUP +
    renderPart(update.header) +
    '<div class="match-tabs"><ul class="nav nav-tabs" id="match-tabs" role="tablist">' +
    '<li class="nav-item"><a class="nav-link active" id="nvInfoTab-tab" href="#nvInfoTab" role="tab">Match Info</a></li>' +
    tabLink +
    '</ul><div class="tab-content" id="match-tab-content">' +
    '<div id="nvInfoTab" class="tab-pane active show" role="tabpanel"><p>Live scores update automatically.</p></div>' +
    pane +
    '</div></div>';
  return documentShell(
    options.title,
    body,
    ` data-sim-match="${e(update.matchId)}" data-sim-version="${update.version}"`,
  );
}

export interface FixtureRow {
  matchId: string;
  home: string;
  away: string;
  startsAt: string;
}

export function renderFixturesPage(
  rows: readonly FixtureRow[],
  options: { cookiesAccepted: boolean; title: string },
): string {
  const lines = rows.map(
    (r) =>
      `<tr onclick="window.open('/website/results/${e(r.matchId)}', '_self')" class="fixture-row">` +
      `<td class="fixture-time">${e(r.startsAt)}</td>` +
      `<td class="fixture-home"><a href="/website/results/${e(r.matchId)}">${e(r.home)}</a></td><td>v</td>` +
      `<td class="fixture-away"><a href="/website/results/${e(r.matchId)}">${e(r.away)}</a></td></tr>`,
  );
  const body =
    cookieBanner(options.cookiesAccepted) +
    `<div class="container"><h1>${e(options.title)}</h1><table class="table fixtures">` +
    `<thead><tr><th>Time</th><th>Home</th><th></th><th>Away</th></tr></thead><tbody>${lines.join('')}</tbody></table></div>`;
  return documentShell(options.title, body);
}
