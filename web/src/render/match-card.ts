import type { OverHistory, Scorecard } from '@live-scores/schema';
import { inningsFigures } from '../overs/innings-figures.ts';
import { rowKey } from '../scoreboard/changes.ts';
import { chaseFor, chaseText, inningsSummary, matchPhase, type MatchPhase } from '../scoreboard/summary.ts';
import { ChartsView } from './charts-view.ts';
import { h } from './dom.ts';
import { FiguresView } from './figures-view.ts';
import { inningsDetail } from './innings-view.ts';
import { ReportView, type ReportLoader } from './report-view.ts';

const PHASE_LABEL: Record<MatchPhase, string> = { waiting: 'Not started', live: 'Live', complete: 'Result' };

/** How long a changed row stays highlighted. */
export const HIGHLIGHT_MS = 2500;

/** One innings' collapsible section; kept across updates so focus and the open/closed choice survive. */
interface InningsSection {
  details: HTMLDetailsElement;
  heading: HTMLElement;
  body: HTMLElement;
  userToggled: boolean;
}

/**
 * One match: the summary line, the result, then the full card per innings. Updates patch the
 * existing elements in place rather than rebuilding the card, so nothing the supporter is
 * reading or has opened jumps or closes when a ball is bowled.
 */
export class MatchCard {
  readonly element: HTMLElement;
  readonly #doc: Document;
  readonly #badge: HTMLElement;
  readonly #summary: HTMLElement;
  readonly #chase: HTMLElement;
  readonly #result: HTMLElement;
  readonly #innings: HTMLElement;
  readonly #source: HTMLAnchorElement;
  readonly #sections: InningsSection[] = [];
  readonly #figures: FiguresView;
  readonly #charts: ChartsView;
  #scorecard: Scorecard | undefined;
  #history: OverHistory | undefined;
  /** What the charts were last drawn from: a ball that leaves both alone does not redraw them. */
  #drawn: { history: OverHistory | undefined; target: number | null } | undefined;
  readonly report: ReportView;

  constructor(
    doc: Document,
    readonly matchId: string,
    readonly oversPerSide: number,
    loadReport: ReportLoader,
  ) {
    this.#doc = doc;
    this.#badge = h(doc, 'span', { class: 'badge' });
    this.#summary = h(doc, 'span', { class: 'summary-score' });
    this.#chase = h(doc, 'span', { class: 'chase' });
    this.#result = h(doc, 'p', { class: 'result', 'data-row': rowKey.result() });
    this.#innings = h(doc, 'div', { class: 'innings-list' });
    this.#source = h(doc, 'a', { class: 'source', rel: 'noopener' }, 'Scorecard on the league site');
    this.report = new ReportView(doc, matchId, loadReport);
    this.#figures = new FiguresView(doc);
    this.#charts = new ChartsView(doc, matchId);
    this.element = h(
      doc,
      'article',
      { class: 'match', id: `match-${matchId}`, 'data-match': matchId },
      h(
        doc,
        'p',
        { class: 'summary', 'data-row': rowKey.summary() },
        this.#badge,
        ' ',
        this.#summary,
        ' ',
        this.#chase,
      ),
      this.#figures.element,
      this.#result,
      this.report.element,
      this.#charts.element,
      this.#innings,
      h(doc, 'p', { class: 'source-line' }, this.#source),
    );
  }

  update(scorecard: Scorecard, changed: ReadonlySet<string> = new Set()): void {
    this.#scorecard = scorecard;
    const phase = matchPhase(scorecard);
    this.element.dataset.phase = phase;
    this.#badge.textContent = PHASE_LABEL[phase];
    const latest = scorecard.innings.at(-1);
    this.#summary.textContent =
      latest && phase !== 'waiting' ? inningsSummary(latest) : 'Waiting for play to start';
    const chase = chaseFor(scorecard, this.oversPerSide);
    this.#chase.textContent = chase ? chaseText(chase) : '';
    this.#chase.hidden = !chase;
    this.#result.textContent = scorecard.result ?? '';
    this.#result.hidden = !scorecard.result;
    this.report.show(phase === 'complete');
    this.#source.href = scorecard.url;

    const inningsShown = phase === 'waiting' ? [] : scorecard.innings;
    inningsShown.forEach((innings, index) => {
      const section = this.#section(index);
      section.heading.textContent = inningsSummary(innings);
      section.body.replaceChildren(...inningsDetail(this.#doc, innings, index));
      if (!section.userToggled) section.details.open = index === inningsShown.length - 1;
    });
    for (const section of this.#sections.splice(inningsShown.length)) section.details.remove();

    this.#charts.show(phase !== 'waiting');
    this.#drawOvers();
    this.#highlight(changed);
  }

  /** The match's over history (the newest the page holds): the charts and this over's balls. */
  showOvers(history: OverHistory): void {
    this.#history = history;
    this.#drawOvers();
  }

  #drawOvers(): void {
    const scorecard = this.#scorecard;
    if (!scorecard) return;
    const waiting = matchPhase(scorecard) === 'waiting';
    const figures = waiting ? null : inningsFigures(scorecard, this.#history, this.oversPerSide);
    this.#figures.update(figures);
    if (waiting) return;
    this.#charts.showTeams(scorecard.innings.map((innings) => innings.team));
    const [first, second] = scorecard.innings;
    const drawn = { history: this.#history, target: first && second ? first.total.runs + 1 : null };
    if (this.#drawn && this.#drawn.history === drawn.history && this.#drawn.target === drawn.target) return;
    this.#drawn = drawn;
    this.#charts.update(drawn.history, { oversPerSide: this.oversPerSide, target: drawn.target });
  }

  #section(index: number): InningsSection {
    const existing = this.#sections[index];
    if (existing) return existing;
    const doc = this.#doc;
    const heading = h(doc, 'span', { class: 'innings-score' });
    const body = h(doc, 'div', { class: 'innings-body' });
    const details = h(
      doc,
      'details',
      { class: 'innings', 'data-innings': String(index) },
      h(doc, 'summary', { 'data-row': rowKey.total(index) }, heading),
      body,
    );
    const section: InningsSection = { details, heading, body, userToggled: false };
    // A click on <summary> toggles; programmatic opening does not count as the supporter's choice.
    details.querySelector('summary')?.addEventListener('click', () => (section.userToggled = true));
    this.#sections.push(section);
    this.#innings.append(details);
    return section;
  }

  #highlight(changed: ReadonlySet<string>): void {
    if (changed.size === 0) return;
    for (const element of this.element.querySelectorAll<HTMLElement>('[data-row]')) {
      if (!changed.has(element.dataset.row ?? '')) continue;
      element.classList.remove('changed');
      // Restart the animation when the same row changes again within the highlight time.
      void element.offsetWidth;
      element.classList.add('changed');
      setTimeout(() => element.classList.remove('changed'), HIGHLIGHT_MS);
    }
  }
}
