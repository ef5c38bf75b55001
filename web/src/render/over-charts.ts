import type { InningsOvers } from '@live-scores/schema';
import { manhattanBars, niceScale, wormLine, type ManhattanBar } from '../overs/chart-series.ts';
import { h } from './dom.ts';
import { svg } from './svg.ts';

/** The charts' drawing box: CSS scales it to the card, keeping this 2:1 shape (reserved before data arrives). */
export const CHART_WIDTH = 300;
export const CHART_HEIGHT = 150;
const WIDTH = CHART_WIDTH;
const HEIGHT = CHART_HEIGHT;
const PAD = { left: 30, right: 8, top: 10, bottom: 22 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

export interface ChartInput {
  innings: readonly InningsOvers[];
  /** The x axis runs to the longer of this and the overs bowled. */
  oversPerSide: number;
  /** The chasing side's target, drawn on the worm. */
  target: number | null;
}

type Scale = { x: (over: number) => number; y: (runs: number) => number };

function scaleFor(overs: number, top: number): Scale {
  return {
    x: (over) => PAD.left + (over / overs) * PLOT_W,
    y: (runs) => PAD.top + PLOT_H - (runs / top) * PLOT_H,
  };
}

/** Gridlines and labels: runs up the side, overs along the bottom. */
function axes(doc: Document, scale: Scale, overs: number, runs: { top: number; step: number }): SVGGElement {
  const group = svg(doc, 'g', { class: 'axes' });
  for (let r = 0; r <= runs.top; r += runs.step) {
    const y = scale.y(r);
    group.append(
      svg(doc, 'line', { class: 'grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y }),
      svg(doc, 'text', { x: PAD.left - 4, y: y + 3.5, 'text-anchor': 'end' }, String(r)),
    );
  }
  const every = overs <= 20 ? 5 : 10;
  for (let o = 0; o <= overs; o += every)
    group.append(svg(doc, 'text', { x: scale.x(o), y: HEIGHT - 5, 'text-anchor': 'middle' }, String(o)));
  return group;
}

function xExtent(input: ChartInput): number {
  const bowled = input.innings.map((i) => Math.ceil(i.latest.legalBalls / 6));
  return Math.max(1, input.oversPerSide, ...bowled);
}

/** Cumulative runs against overs, both innings on one chart, a dot where wickets fell. */
export function drawWorm(doc: Document, chart: SVGSVGElement, input: ChartInput): void {
  const overs = xExtent(input);
  const lines = input.innings.map(wormLine);
  const most = Math.max(input.target ?? 0, ...input.innings.map((i) => i.latest.runs));
  const runs = niceScale(most);
  const scale = scaleFor(overs, runs.top);
  const parts: SVGElement[] = [axes(doc, scale, overs, runs)];
  if (input.target != null) {
    const y = scale.y(input.target);
    parts.push(svg(doc, 'line', { class: 'target', x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y }));
  }
  lines.forEach((line, i) => {
    const group = svg(doc, 'g', { class: `series series-${i}` });
    for (const segment of line.segments) {
      const [first] = segment;
      if (segment.length === 1 && first)
        group.append(svg(doc, 'circle', { cx: scale.x(first.over), cy: scale.y(first.runs), r: 1.8 }));
      else
        group.append(
          svg(doc, 'polyline', {
            points: segment
              .map((p) => `${scale.x(p.over).toFixed(1)},${scale.y(p.runs).toFixed(1)}`)
              .join(' '),
          }),
        );
    }
    for (const w of line.wickets)
      group.append(svg(doc, 'circle', { class: 'wicket', cx: scale.x(w.over), cy: scale.y(w.runs), r: 3 }));
    parts.push(group);
  });
  chart.replaceChildren(...parts);
}

/** Runs in each over, the innings side by side; a dot above the bar per wicket; nothing for a gap. */
export function drawManhattan(doc: Document, chart: SVGSVGElement, input: ChartInput): void {
  const overs = xExtent(input);
  const bars = input.innings.map(manhattanBars);
  const most = Math.max(6, ...bars.flat().map((b) => ('gap' in b ? 0 : b.runs)));
  const runs = niceScale(most, 3);
  const scale = scaleFor(overs, runs.top);
  const band = PLOT_W / overs;
  const width = Math.max(0.8, (band * 0.8) / Math.max(1, bars.length));
  const parts: SVGElement[] = [axes(doc, scale, overs, runs)];
  bars.forEach((list, i) => {
    const group = svg(doc, 'g', { class: `series series-${i}` });
    for (const bar of list) {
      if ('gap' in bar) continue;
      const x = scale.x(bar.over - 1) + band * 0.1 + i * width;
      const top = scale.y(bar.runs);
      // A maiden still gets a sliver, so it reads as "0", not as a gap.
      group.append(
        svg(doc, 'rect', {
          x,
          y: Math.min(top, scale.y(0) - 0.8),
          width,
          height: Math.max(0.8, scale.y(0) - top),
        }),
      );
      for (let w = 0; w < bar.wickets; w++)
        group.append(
          svg(doc, 'circle', {
            class: 'wicket',
            cx: x + width / 2,
            cy: top - 3.5 - w * 5.5,
            r: Math.min(2.5, Math.max(1.5, width)),
          }),
        );
    }
    parts.push(group);
  });
  chart.replaceChildren(...parts);
}

/** "48/2", or "48 all out". */
const score = (runs: number, wickets: number) => (wickets >= 10 ? `${runs} all out` : `${runs}/${wickets}`);

const barText = (bar: ManhattanBar | undefined): string => {
  if (!bar) return '';
  if ('gap' in bar) return 'not known';
  return bar.wickets
    ? `${bar.runs}, ${bar.wickets} ${bar.wickets === 1 ? 'wicket' : 'wickets'}`
    : String(bar.runs);
};

/** The charts as a table a screen reader can walk: one row per over, one column per innings. */
function tableOf(
  doc: Document,
  caption: string,
  teams: string[],
  rows: [string, ...string[]][],
): HTMLTableElement {
  return h(
    doc,
    'table',
    { class: 'visually-hidden' },
    h(doc, 'caption', {}, caption),
    h(
      doc,
      'thead',
      {},
      h(
        doc,
        'tr',
        {},
        h(doc, 'th', { scope: 'col' }, 'Over'),
        ...teams.map((t) => h(doc, 'th', { scope: 'col' }, t)),
      ),
    ),
    h(
      doc,
      'tbody',
      {},
      ...rows.map(([over, ...cells]) =>
        h(doc, 'tr', {}, h(doc, 'th', { scope: 'row' }, over), ...cells.map((c) => h(doc, 'td', {}, c))),
      ),
    ),
  );
}

/** Score at each over's end (and now), per innings, as the worm shows it. */
export function wormTable(doc: Document, input: ChartInput): HTMLTableElement {
  const longest = Math.max(0, ...input.innings.map((i) => i.overs.length));
  const rows: [string, ...string[]][] = Array.from({ length: longest }, (_, o) => [
    String(o + 1),
    ...input.innings.map((inn) => {
      const slot = inn.overs[o];
      if (!slot) return '';
      return 'gap' in slot ? 'not known' : score(slot.runs, slot.wickets);
    }),
  ]);
  rows.push(['Now', ...input.innings.map((i) => score(i.latest.runs, i.latest.wickets))]);
  return tableOf(
    doc,
    'Worm: the score at the end of each over',
    input.innings.map((i) => i.team),
    rows,
  );
}

/** Runs and wickets in each over, per innings, as the Manhattan shows them. */
export function manhattanTable(doc: Document, input: ChartInput): HTMLTableElement {
  const bars = input.innings.map(manhattanBars);
  const longest = Math.max(0, ...bars.map((b) => b.length));
  const rows: [string, ...string[]][] = Array.from({ length: longest }, (_, o) => [
    String(o + 1),
    ...bars.map((list) => barText(list[o])),
  ]);
  return tableOf(
    doc,
    'Manhattan: runs in each over',
    input.innings.map((i) => i.team),
    rows,
  );
}
