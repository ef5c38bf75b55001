import type { MatchReport } from '@live-scores/schema';
import { h } from './dom.ts';

/** The report of a match, or null while there is none yet. Throws when it cannot be fetched. */
export type ReportLoader = (matchId: string) => Promise<Pick<MatchReport, 'title' | 'body'> | null>;

/** The page path of a match's report (the same route both runtimes serve). */
export const reportPath = (matchId: string): string => `/api/matches/${encodeURIComponent(matchId)}/report`;

/** Keeps only a well-formed report from an API answer; anything else counts as none. */
export function reportFromResponse(value: unknown): Pick<MatchReport, 'title' | 'body'> | null {
  const r = value as Partial<MatchReport> | null;
  return r && typeof r.title === 'string' && typeof r.body === 'string' && r.title && r.body
    ? { title: r.title, body: r.body }
    : null;
}

/**
 * The finished match's "Match report" section: a disclosure that fetches the report the first
 * time it is opened (or when a result notification asks for it) and shows it as paragraphs.
 */
export class ReportView {
  readonly element: HTMLDetailsElement;
  readonly #doc: Document;
  readonly #content: HTMLElement;
  #loaded = false;
  #loading: Promise<void> | null = null;

  constructor(
    doc: Document,
    readonly matchId: string,
    readonly load: ReportLoader,
  ) {
    this.#doc = doc;
    this.#content = h(doc, 'div', { class: 'report-content', 'aria-live': 'polite' });
    this.element = h(
      doc,
      'details',
      { class: 'report', id: `report-${matchId}`, hidden: true },
      h(doc, 'summary', { class: 'report-link' }, 'Match report'),
      this.#content,
    );
    this.element.addEventListener('toggle', () => {
      if (this.element.open) void this.fetch();
    });
  }

  /** Offered once the match is over. */
  show(finished: boolean): void {
    this.element.hidden = !finished;
  }

  /** Opens the report and brings it into view (a result notification was tapped). */
  async open(): Promise<void> {
    this.element.hidden = false;
    this.element.open = true;
    await this.fetch();
    this.element.scrollIntoView({ block: 'start' });
  }

  fetch(): Promise<void> {
    if (this.#loaded) return Promise.resolve();
    this.#loading ??= this.#fetch().finally(() => (this.#loading = null));
    return this.#loading;
  }

  async #fetch(): Promise<void> {
    const doc = this.#doc;
    this.#content.replaceChildren(h(doc, 'p', { class: 'report-note' }, 'Loading the report…'));
    try {
      const report = await this.load(this.matchId);
      if (!report) {
        this.#content.replaceChildren(
          h(doc, 'p', { class: 'report-note' }, 'The report is being written; open this again in a minute.'),
        );
        return;
      }
      this.#content.replaceChildren(
        h(doc, 'h3', { class: 'report-title' }, report.title),
        ...report.body
          .split(/\n{2,}/)
          .filter((p) => p.trim())
          .map((p) => h(doc, 'p', {}, p.trim())),
      );
      this.#loaded = true;
    } catch {
      this.#content.replaceChildren(
        h(doc, 'p', { class: 'report-note' }, 'The report could not be loaded; open this again to retry.'),
      );
    }
  }
}
