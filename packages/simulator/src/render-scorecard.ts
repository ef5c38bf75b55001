import type { Batter, Bowler } from '@live-scores/schema';
import {
  batterLine,
  bowlerLine,
  extrasTotal,
  fallOfWicketsText,
  howOutParts,
  inningsTotal,
} from './figures.ts';
import type { HowOutPart } from './figures.ts';
import { escapeHtml as e, figure } from './html.ts';
import type { InningsState } from './innings.ts';

/** The inside of one `.nvp-innings__tab-content`, in the source site's shape. */

function cell(name: string, text: string): string {
  return `<div class="nvp-scorecard__${name}">${text}</div>`;
}

function howOutCell(parts: readonly HowOutPart[]): string {
  const children = parts.map(
    ([icon, copy]) =>
      `<div><span class="nvp-scorecard__event_icon">${e(icon)}</span> <span class="nvp-scorecard__event_copy">${e(copy)}</span></div>`,
  );
  return `<div class="nvp-scorecard__event">${children.join('')}</div>`;
}

function batterRow(line: Batter, parts: readonly HowOutPart[]): string {
  return [
    '<div class="nvp-scorecard__table-row">',
    cell('batsmen', `<a href="#">${e(line.name)}</a>`),
    howOutCell(parts),
    cell('runs', figure(line.runs)),
    cell('balls', figure(line.balls)),
    cell('mins', figure(line.minutes)),
    cell('fours', figure(line.fours)),
    cell('sixes', figure(line.sixes)),
    cell('strikerate', figure(line.strikeRate, 2)),
    '</div>',
  ].join('');
}

function bowlerRow(line: Bowler): string {
  return [
    '<div class="nvp-scorecard__table-row">',
    cell('bowler', `<a href="#">${e(line.name)}</a>`),
    cell('overs', e(line.overs)),
    cell('maidens', figure(line.maidens)),
    cell('runs', figure(line.runs)),
    cell('wickets', figure(line.wickets)),
    cell('wides', figure(line.wides)),
    cell('no-balls', figure(line.noBalls)),
    cell('economy-rate', figure(line.economy, 2)),
    '</div>',
  ].join('');
}

const BATTING_HEAD =
  '<div class="nvp-scorecard__table-head"><span>Batsman</span><span>How out</span><span>R</span><span>B</span>' +
  '<span>Mins</span><span>4s</span><span>6s</span><span>SR</span></div>';
const BOWLING_HEAD =
  '<div class="nvp-scorecard__table-head"><span>Bowler</span><span>O</span><span>M</span><span>R</span>' +
  '<span>W</span><span>Wd</span><span>Nb</span><span>Econ</span></div>';

export function renderInningsContent(innings: InningsState): string {
  const batting = innings.batters.map((b) => batterRow(batterLine(b, innings.elapsed), howOutParts(b)));
  const total = inningsTotal(innings);
  const blocks = [
    `<div class="nvp-scorecard__table nvp-scorecard__table--batting">${BATTING_HEAD}${batting.join('')}` +
      '<div class="nvp-scorecard__bottom-info"><div class="nvp-scorecard__bottom-info--right">' +
      `<div>Extras <span>${extrasTotal(innings)}</span></div>` +
      `<div>Total <span>${e(total.text)}</span></div></div></div></div>`,
  ];
  if (innings.fallOfWickets.length > 0) {
    blocks.push(
      '<div class="nvp-scorecard__table nvp-scorecard__table--fow"><div class="nvp-scorecard__fall">' +
        `<h4>Fall of wickets</h4><p>${e(fallOfWicketsText(innings))}</p></div></div>`,
    );
  }
  const bowling = innings.bowlers.map((b) => bowlerRow(bowlerLine(b)));
  blocks.push(
    `<div class="nvp-scorecard__table nvp-scorecard__table--bowling">${BOWLING_HEAD}${bowling.join('')}</div>`,
  );
  return blocks.join('');
}

/** The inside of `.nvp-innings__tabs`: one tab per innings, naming the batting club. */
export function renderInningsTabs(innings: readonly InningsState[]): string {
  return innings
    .map(
      (inn, i) =>
        `<li class="${i === innings.length - 1 ? 'active' : ''}"><a class="nvp-innings__tab-team" href="#">${e(inn.club)}</a></li>`,
    )
    .join('');
}
