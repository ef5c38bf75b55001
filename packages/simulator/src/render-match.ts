import { createHash } from 'node:crypto';
import { formatOvers } from './figures.ts';
import { escapeHtml as e } from './html.ts';
import type { MatchState, MatchTimeline } from './match.ts';
import { renderInningsContent, renderInningsTabs } from './render-scorecard.ts';
import { resultWords, winnerClub } from './result.ts';

/**
 * A match page is a few live regions ("parts"). The page is rendered from them and
 * the live feed sends them again; the browser swaps the inside of a part only when
 * its hash changed, so one ball touches only what that ball changed.
 */
export interface LivePart {
  key: string;
  tag: 'div' | 'ul';
  className: string;
  inner: string;
  hash: string;
}

/** One live-feed message: the whole page state at `version`. */
export interface MatchUpdate {
  matchId: string;
  version: number;
  header: LivePart;
  /** Null until the first ball: the scorecard tab does not exist before scoring starts. */
  scorecard: LivePart[] | null;
}

function part(key: string, tag: LivePart['tag'], className: string, inner: string): LivePart {
  const hash = createHash('sha1').update(inner).digest('base64url').slice(0, 16);
  return { key, tag, className, inner, hash };
}

export function renderPart(p: LivePart, attributes = ''): string {
  return `<${p.tag} class="${e(p.className)}" data-sim-part="${e(p.key)}" data-sim-hash="${e(p.hash)}"${attributes}>${p.inner}</${p.tag}>`;
}

function statusWords(state: MatchState): string {
  if (state.result) return resultWords(state.result);
  return state.phase === 'in-progress' ? 'IN PROGRESS' : '';
}

function renderHeader(timeline: MatchTimeline, state: MatchState): string {
  const winner = state.result ? winnerClub(timeline, state.result) : null;
  const scores = state.innings
    .map(
      (inn) =>
        `<div class="match-score"><span class="score-team">${e(inn.club)}</span> ` +
        `<span class="score">${inn.runs}/${inn.wickets} (${formatOvers(inn.legalBalls)})</span></div>`,
    )
    .join('');
  return (
    '<div class="match-head">' +
    `<div class="teams"><span>${e(timeline.home.text)}</span> v <span>${e(timeline.away.text)}</span></div>` +
    `<div class="status-line"><span class="team-won">${e(winner ?? '')}</span> <span class="match-status">${e(statusWords(state))}</span></div>` +
    `<div class="match-scores">${scores}</div>` +
    `<div class="match-format">${timeline.settings.oversPerSide} overs per side</div>` +
    '</div>'
  );
}

export function matchUpdate(matchId: string, timeline: MatchTimeline, state: MatchState): MatchUpdate {
  const header = part('header', 'div', 'container main-header', renderHeader(timeline, state));
  if (state.innings.length === 0) return { matchId, version: state.version, header, scorecard: null };
  const scorecard = [
    part('innings-tabs', 'ul', 'nvp-innings__tabs', renderInningsTabs(state.innings)),
    ...state.innings.map((inn, i) =>
      part(`innings-${i}`, 'div', 'nvp-innings__tab-content', renderInningsContent(inn)),
    ),
  ];
  return { matchId, version: state.version, header, scorecard };
}
