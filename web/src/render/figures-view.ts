import type { InningsFigures } from '../overs/innings-figures.ts';
import { h } from './dom.ts';

const ballsBowled = (n: number) => (n === 0 ? 'about to start' : `${n} ${n === 1 ? 'ball' : 'balls'} bowled`);

/**
 * The rates, the stand and this over's balls under the summary. Its lines keep their height
 * whether or not each figure is known yet, so a figure arriving never pushes the card down.
 */
export class FiguresView {
  readonly element: HTMLElement;
  readonly #rates: HTMLElement;
  readonly #over: HTMLElement;
  readonly #doc: Document;

  constructor(doc: Document) {
    this.#doc = doc;
    this.#rates = h(doc, 'p', { class: 'rates' });
    this.#over = h(doc, 'p', { class: 'this-over' });
    this.element = h(doc, 'div', { class: 'figures' }, this.#rates, this.#over);
  }

  update(figures: InningsFigures | null): void {
    const doc = this.#doc;
    this.element.hidden = !figures;
    if (!figures) return;
    const item = (label: string, value: string) =>
      h(doc, 'span', { class: 'figure' }, `${label} `, h(doc, 'strong', {}, value));
    const { partnership, thisOver } = figures;
    this.#rates.replaceChildren(
      ...[
        figures.runRate != null && item('Run rate', figures.runRate),
        figures.target != null && item('Target', String(figures.target)),
        figures.requiredRate != null && item('Required', figures.requiredRate),
        partnership &&
          item(
            'Partnership',
            partnership.batters.length
              ? `${partnership.runs} (${partnership.batters.join(', ')})`
              : String(partnership.runs),
          ),
      ].filter((part): part is HTMLElement => part !== false && part !== null),
    );
    this.#over.replaceChildren();
    this.#over.hidden = !figures.live;
    if (!thisOver) return;
    const heading = `Over ${thisOver.over}${thisOver.balls && !thisOver.fromStart ? ' (from part-way)' : ''}: `;
    this.#over.append(
      h(doc, 'span', {}, heading),
      ...(thisOver.balls
        ? thisOver.balls.map((ball) =>
            h(doc, 'span', { class: ball.startsWith('W') ? 'ball wicket-ball' : 'ball' }, ball),
          )
        : [h(doc, 'span', {}, ballsBowled(thisOver.bowled))]),
    );
  }
}
