import type { OverHistory } from '@live-scores/schema';
import { h } from './dom.ts';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  drawManhattan,
  drawWorm,
  manhattanTable,
  wormTable,
  type ChartInput,
} from './over-charts.ts';
import { svg } from './svg.ts';

interface ChartFigure {
  element: HTMLElement;
  chart: SVGSVGElement;
  table: HTMLElement;
}

/**
 * A match's worm and Manhattan with their text alternatives. The boxes are laid out from the
 * card's first render, empty until the over history arrives, so filling them moves nothing.
 */
export class ChartsView {
  readonly element: HTMLElement;
  readonly #doc: Document;
  readonly #worm: ChartFigure;
  readonly #manhattan: ChartFigure;
  readonly #legend: HTMLElement;
  readonly #note: HTMLElement;

  constructor(doc: Document, matchId: string) {
    this.#doc = doc;
    this.#worm = this.#figure('worm', 'Worm: runs by overs');
    this.#manhattan = this.#figure('manhattan', 'Manhattan: runs in each over');
    this.#legend = h(doc, 'ul', { class: 'chart-legend' });
    this.#note = h(doc, 'p', { class: 'chart-note' });
    this.element = h(
      doc,
      'section',
      { class: 'charts', 'aria-labelledby': `charts-${matchId}` },
      h(doc, 'h3', { class: 'visually-hidden', id: `charts-${matchId}` }, 'Over by over'),
      this.#legend,
      h(doc, 'div', { class: 'chart-pair' }, this.#worm.element, this.#manhattan.element),
      this.#note,
    );
  }

  show(visible: boolean): void {
    this.element.hidden = !visible;
  }

  /** The key names the innings in batting order, from the scorecard: there from the first render. */
  showTeams(teams: readonly string[]): void {
    const doc = this.#doc;
    const names = teams.join('\n');
    if (this.#legend.dataset.teams === names) return;
    this.#legend.dataset.teams = names;
    this.#legend.replaceChildren(
      ...teams.map((team, i) =>
        h(doc, 'li', {}, h(doc, 'span', { class: `swatch series-${i}`, 'aria-hidden': 'true' }), team),
      ),
      h(doc, 'li', {}, h(doc, 'span', { class: 'swatch wicket', 'aria-hidden': 'true' }), 'wicket'),
    );
  }

  update(history: OverHistory | undefined, input: Omit<ChartInput, 'innings'>): void {
    const doc = this.#doc;
    const chart: ChartInput = { ...input, innings: history?.innings ?? [] };
    drawWorm(doc, this.#worm.chart, chart);
    drawManhattan(doc, this.#manhattan.chart, chart);
    this.#worm.table.replaceChildren(...(history ? [wormTable(doc, chart)] : []));
    this.#manhattan.table.replaceChildren(...(history ? [manhattanTable(doc, chart)] : []));
    const gaps = chart.innings.some((inn) => inn.overs.some((slot) => 'gap' in slot));
    this.#note.textContent = !history
      ? 'Over-by-over scores to come.'
      : gaps
        ? 'Blank: overs no scorecard showed for certain.'
        : '';
  }

  #figure(kind: string, caption: string): ChartFigure {
    const doc = this.#doc;
    const chart = svg(doc, 'svg', {
      class: 'chart-svg',
      viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
      'aria-hidden': 'true',
      focusable: 'false',
    });
    const table = h(doc, 'div');
    const element = h(
      doc,
      'figure',
      { class: `chart ${kind}` },
      h(doc, 'figcaption', {}, caption),
      chart,
      table,
    );
    return { element, chart, table };
  }
}
