import { readBatter } from './batting.ts';
import { readBowler } from './bowling.ts';
import { childElements, findAll, findFirst, textOf, withClass, type Element } from './dom.ts';
import { ScorecardParseError } from './errors.ts';
import { cellText, readRowCells } from './row-cells.ts';
import { parseTotal } from './total.ts';
import { clubName, normaliseSpace, readCount } from './text.ts';

/** Column headings some layouts print as a first row; they are not players. */
const HEADING = /^(bats(man|men|woman|women)|batters?|bowlers?|name)$/i;

const isRow = withClass('nvp-scorecard__table-row');
const isBottomInfo = withClass('nvp-scorecard__bottom-info--right');
const isFallOfWickets = withClass('nvp-scorecard__fall');

/**
 * One `.nvp-innings__tab-content`. Its tables (batting, fall of wickets, bowling) are told
 * apart by what their rows hold, not by position, because the fall-of-wickets block is
 * missing until the first wicket and layouts add wrappers.
 */
export function readInnings(teamText: string, content: Element, number: number) {
  const team = clubName(teamText);
  const where = `innings ${number} (${team || 'no team name'})`;
  if (!team) throw new ScorecardParseError(`${where}: the batting side has no name`);

  const batting = [];
  const bowling = [];
  for (const row of findAll(content, isRow)) {
    const cells = readRowCells(row);
    if (cells.has('batsmen')) {
      if (!HEADING.test(normaliseSpace(cellText(cells, 'batsmen')))) batting.push(readBatter(cells, where));
    } else if (cells.has('bowler')) {
      if (!HEADING.test(normaliseSpace(cellText(cells, 'bowler')))) bowling.push(readBowler(cells, where));
    }
  }

  const { extrasText, totalText } = readBottomInfo(content, where);
  return {
    team,
    batting,
    extras: readCount(extrasText.replace(/\(.*\)/, ''), `${where} extras`),
    total: readTotal(totalText, where),
    fallOfWickets: readFallOfWickets(content),
    bowling,
  };
}

function readTotal(text: string, where: string) {
  try {
    return parseTotal(text);
  } catch (error) {
    if (error instanceof ScorecardParseError) throw new ScorecardParseError(`${where}: ${error.reason}`);
    throw error;
  }
}

/** The `.nvp-scorecard__fall p` text, or "" before the first wicket. */
function readFallOfWickets(content: Element): string {
  const fall = findFirst(content, isFallOfWickets);
  if (!fall) return '';
  return normaliseSpace(
    findAll(fall, (element) => element.name === 'p')
      .map(textOf)
      .join(' '),
  );
}

/**
 * The extras and the total beneath the batting rows: two children, each with a `<span>`.
 * A child labelled "Extras" or "Total" is taken by its label; otherwise by order.
 */
function readBottomInfo(content: Element, where: string) {
  const info = findFirst(content, isBottomInfo);
  if (!info) throw new ScorecardParseError(`${where}: no extras and total below the batting`);
  let extrasText: string | undefined;
  let totalText: string | undefined;
  const unlabelled: string[] = [];
  for (const part of childElements(info)) {
    const value = textOf(findFirst(part, (element) => element.name === 'span') ?? part);
    const label = normaliseSpace(textOf(part)).toLowerCase();
    if (label.startsWith('extras')) extrasText = value;
    else if (label.startsWith('total')) totalText = value;
    else unlabelled.push(value);
  }
  extrasText ??= unlabelled.shift() ?? '';
  totalText ??= unlabelled.shift();
  if (totalText === undefined) throw new ScorecardParseError(`${where}: no innings total`);
  return { extrasText, totalText };
}
