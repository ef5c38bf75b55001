import type { Batter } from '@live-scores/schema';
import { findAll, hasClass, textOf, type Element } from './dom.ts';
import { cellText, type RowCells } from './row-cells.ts';
import { normaliseSpace, readCount, readDecimal } from './text.ts';

/**
 * How-outs that are not a dismissal: a batter still in, retired hurt or ill (they may
 * return), absent, or yet to bat. "retired out" is a dismissal, so it is not listed.
 */
const NOT_DISMISSED =
  /^(|not out|did not bat|dnb|yet to bat|retired( hurt| ill| not out)?|absent( hurt| ill)?)$/i;

/** "run out A Deegan" → "run out (A Deegan)": the fielder in brackets, as scorebooks write it. */
const RUN_OUT_WITHOUT_BRACKETS = /^run out ([^(].*)$/i;

const isEventPart = (element: Element) =>
  hasClass(element, 'nvp-scorecard__event_icon') || hasClass(element, 'nvp-scorecard__event_copy');

/**
 * One batting row (the caller has seen its `.nvp-scorecard__batsmen` cell). Blank figures
 * are null: the batter has not faced a ball yet.
 */
export function readBatter(cells: RowCells, where: string): Batter {
  const cell = (name: string) => cellText(cells, name);
  const name = normaliseSpace(cell('batsmen'));
  const at = `${where}, batter "${name}"`;
  const event = cells.get('event');
  const howOut = event ? readHowOut(event) : '';
  return {
    name,
    howOut,
    out: !NOT_DISMISSED.test(howOut),
    runs: readCount(cell('runs'), `${at} runs`),
    balls: readCount(cell('balls'), `${at} balls`),
    minutes: readCount(cell('mins'), `${at} minutes`),
    fours: readCount(cell('fours'), `${at} fours`),
    sixes: readCount(cell('sixes'), `${at} sixes`),
    strikeRate: readDecimal(cell('strikerate'), `${at} strike rate`),
  };
}

/**
 * Joins each event's icon and copy in order ("ct" "A Deegan" + "b" "J Thurwell" →
 * "ct A Deegan b J Thurwell"), or takes the event's plain text when the site prints it
 * without icon/copy parts. A run-out fielder is bracketed whichever way it was printed.
 */
function readHowOut(event: Element): string {
  const words = findAll(event, isEventPart)
    .map((part) => normaliseSpace(textOf(part)))
    .filter(Boolean);
  const howOut = words.length > 0 ? words.join(' ') : normaliseSpace(textOf(event));
  return howOut.replace(RUN_OUT_WITHOUT_BRACKETS, 'run out ($1)');
}
