import { isTag, textOf, type Element } from './dom.ts';

/** A scorecard row's cells by class suffix: `runs` is the first `.nvp-scorecard__runs`. */
export type RowCells = Map<string, Element>;

const PREFIX = 'nvp-scorecard__';

/** Indexes a row's cells in one walk, so each cell costs a map lookup rather than a search. */
export function readRowCells(row: Element, cells: RowCells = new Map()): RowCells {
  for (const child of row.children) {
    if (!isTag(child)) continue;
    const value = child.attribs.class;
    if (value?.includes(PREFIX)) {
      for (const name of value.split(/\s+/)) {
        const key = name.slice(PREFIX.length);
        if (name.startsWith(PREFIX) && !cells.has(key)) cells.set(key, child);
      }
    }
    readRowCells(child, cells);
  }
  return cells;
}

/** The cell's raw text, or "" when the row has no such cell. */
export function cellText(cells: RowCells, name: string): string {
  const element = cells.get(name);
  return element ? textOf(element) : '';
}
