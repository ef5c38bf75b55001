import { cellText, type RowCells } from './row-cells.ts';
import { normaliseSpace, readCount, readDecimal } from './text.ts';

/**
 * One bowling row, as read (the caller has seen its `.nvp-scorecard__bowler` cell).
 * Maidens, runs and wickets are always printed for a bowler, so a blank one stays null
 * here and the Scorecard schema rejects the page.
 */
export function readBowler(cells: RowCells, where: string) {
  const cell = (name: string) => cellText(cells, name);
  const name = normaliseSpace(cell('bowler'));
  const at = `${where}, bowler "${name}"`;
  return {
    name,
    overs: normaliseSpace(cell('overs')),
    maidens: readCount(cell('maidens'), `${at} maidens`),
    runs: readCount(cell('runs'), `${at} runs`),
    wickets: readCount(cell('wickets'), `${at} wickets`),
    wides: readCount(cell('wides'), `${at} wides`),
    noBalls: readCount(cell('no-balls'), `${at} no-balls`),
    economy: readDecimal(cell('economy-rate'), `${at} economy`),
  };
}
