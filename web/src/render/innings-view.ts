import type { Batter, Innings } from '@live-scores/schema';
import { rowKey } from '../scoreboard/changes.ts';
import { figure, h } from './dom.ts';

const hasBatted = (b: Batter): boolean => b.out || b.howOut !== '' || b.runs != null;

function battingTable(doc: Document, innings: Innings, index: number): HTMLTableElement {
  const batted = innings.batting.filter(hasBatted);
  const { runs, wickets, overs } = innings.total;
  return h(
    doc,
    'table',
    { class: 'batting' },
    h(doc, 'caption', { class: 'visually-hidden' }, `${innings.team} batting`),
    h(
      doc,
      'thead',
      {},
      h(
        doc,
        'tr',
        {},
        h(doc, 'th', { scope: 'col', class: 'name' }, 'Batter'),
        ...['R', 'B', '4s', '6s', 'SR'].map((label) => h(doc, 'th', { scope: 'col', class: 'num' }, label)),
      ),
    ),
    h(
      doc,
      'tbody',
      {},
      ...batted.map((b) =>
        h(
          doc,
          'tr',
          { 'data-row': rowKey.batter(index, b.name), class: b.out ? 'out' : 'in' },
          h(
            doc,
            'th',
            { scope: 'row', class: 'name' },
            h(doc, 'span', { class: 'player' }, b.name),
            ' ',
            h(doc, 'span', { class: 'how-out' }, b.howOut || 'not out'),
          ),
          h(doc, 'td', { class: 'num runs' }, figure(b.runs)),
          h(doc, 'td', { class: 'num' }, figure(b.balls)),
          h(doc, 'td', { class: 'num' }, figure(b.fours)),
          h(doc, 'td', { class: 'num' }, figure(b.sixes)),
          h(doc, 'td', { class: 'num' }, figure(b.strikeRate, 1)),
        ),
      ),
    ),
    h(
      doc,
      'tfoot',
      {},
      h(
        doc,
        'tr',
        { 'data-row': rowKey.extras(index) },
        h(doc, 'th', { scope: 'row', class: 'name' }, 'Extras'),
        h(doc, 'td', { class: 'num' }, figure(innings.extras)),
        h(doc, 'td', { colspan: '4' }),
      ),
      h(
        doc,
        'tr',
        { 'data-row': rowKey.total(index), class: 'total' },
        h(doc, 'th', { scope: 'row', class: 'name' }, 'Total'),
        h(doc, 'td', { class: 'num' }, wickets >= 10 ? String(runs) : `${runs}/${wickets}`),
        h(doc, 'td', { colspan: '4', class: 'total-overs' }, overs == null ? '' : `${overs} overs`),
      ),
    ),
  );
}

function bowlingTable(doc: Document, innings: Innings, index: number): HTMLTableElement {
  return h(
    doc,
    'table',
    { class: 'bowling' },
    h(doc, 'caption', { class: 'visually-hidden' }, `Bowling to ${innings.team}`),
    h(
      doc,
      'thead',
      {},
      h(
        doc,
        'tr',
        {},
        h(doc, 'th', { scope: 'col', class: 'name' }, 'Bowler'),
        ...['O', 'M', 'R', 'W', 'Wd', 'Nb', 'Econ'].map((label) =>
          h(doc, 'th', { scope: 'col', class: 'num' }, label),
        ),
      ),
    ),
    h(
      doc,
      'tbody',
      {},
      ...innings.bowling.map((b) =>
        h(
          doc,
          'tr',
          { 'data-row': rowKey.bowler(index, b.name) },
          h(doc, 'th', { scope: 'row', class: 'name' }, h(doc, 'span', { class: 'player' }, b.name)),
          h(doc, 'td', { class: 'num' }, b.overs),
          h(doc, 'td', { class: 'num' }, figure(b.maidens)),
          h(doc, 'td', { class: 'num' }, figure(b.runs)),
          h(doc, 'td', { class: 'num wickets' }, figure(b.wickets)),
          h(doc, 'td', { class: 'num' }, figure(b.wides)),
          h(doc, 'td', { class: 'num' }, figure(b.noBalls)),
          h(doc, 'td', { class: 'num' }, figure(b.economy, 2)),
        ),
      ),
    ),
  );
}

/** Batting (with how-out), extras, total, the batters still to come, fall of wickets and bowling. */
export function inningsDetail(doc: Document, innings: Innings, index: number): Node[] {
  const yetToBat = innings.batting.filter((b) => !hasBatted(b)).map((b) => b.name);
  const parts: (Node | false | '')[] = [
    battingTable(doc, innings, index),
    yetToBat.length > 0 &&
      h(doc, 'p', { class: 'yet-to-bat' }, h(doc, 'strong', {}, 'Yet to bat: '), yetToBat.join(', ')),
    innings.fallOfWickets &&
      h(
        doc,
        'p',
        { class: 'fow', 'data-row': rowKey.fallOfWickets(index) },
        h(doc, 'strong', {}, 'Fall of wickets: '),
        innings.fallOfWickets,
      ),
    innings.bowling.length > 0 && bowlingTable(doc, innings, index),
  ];
  return parts.filter((part): part is Node => part !== false && part !== '');
}
