import type { OverHistory, Scorecard } from '@live-scores/schema';
import type { TeamLabel } from '../config/page-config.ts';
import { h } from './dom.ts';
import { MatchCard } from './match-card.ts';
import type { ReportLoader } from './report-view.ts';

export interface BoardViewOptions {
  oversPerSide: number;
  /** The club's teams in order; when empty, the teams today's scorecards name. */
  teams: TeamLabel[];
  loadReport: ReportLoader;
  /** The over history held for a match, for a card created after it arrived. */
  oversOf: (matchId: string) => OverHistory | undefined;
}

interface TeamSection {
  element: HTMLElement;
  empty: HTMLElement;
  matches: HTMLElement;
}

/**
 * Today's matches for each club team, or "No match today". Team sections and match cards are
 * created once and kept, so updates only patch text inside them.
 */
export class BoardView {
  readonly #doc: Document;
  readonly #teams = new Map<string, TeamSection>();
  readonly #cards = new Map<string, MatchCard>();

  constructor(
    readonly container: HTMLElement,
    readonly options: BoardViewOptions,
  ) {
    this.#doc = container.ownerDocument;
  }

  /** Lays out every team; call with all current scorecards after a load or resync. */
  render(byTeam: ReadonlyMap<string, Scorecard[]>): void {
    const teams = this.options.teams.length
      ? this.options.teams
      : [...byTeam.keys()].map((id) => ({ id, label: id }));
    if (teams.length === 0) {
      this.container.replaceChildren(h(this.#doc, 'p', { class: 'no-matches' }, 'No matches today'));
      this.#teams.clear();
      this.container.setAttribute('aria-busy', 'false');
      return;
    }
    const sections = teams.map((team) => this.#teamSection(team));
    this.container.replaceChildren(...sections.map((s) => s.element));
    teams.forEach((team, i) => {
      const section = sections[i] as TeamSection;
      const scorecards = byTeam.get(team.id) ?? [];
      section.empty.hidden = scorecards.length > 0;
      section.matches.replaceChildren(...scorecards.map((s) => this.#card(s).element));
      for (const scorecard of scorecards) this.#card(scorecard).update(scorecard);
    });
    this.container.setAttribute('aria-busy', 'false');
  }

  /** Applies one newer scorecard of a match already on the board, highlighting what changed. */
  update(scorecard: Scorecard, changed: ReadonlySet<string>): boolean {
    const card = this.#cards.get(scorecard.matchId);
    if (!card || !card.element.isConnected) return false;
    card.update(scorecard, changed);
    return true;
  }

  /** The card of a match on the board, if there is one. */
  cardOf(matchId: string): MatchCard | undefined {
    return this.#cards.get(matchId);
  }

  #card(scorecard: Scorecard): MatchCard {
    let card = this.#cards.get(scorecard.matchId);
    if (!card) {
      card = new MatchCard(this.#doc, scorecard.matchId, this.options.oversPerSide, this.options.loadReport);
      this.#cards.set(scorecard.matchId, card);
      const history = this.options.oversOf(scorecard.matchId);
      if (history) card.showOvers(history);
    }
    return card;
  }

  #teamSection(team: TeamLabel): TeamSection {
    const existing = this.#teams.get(team.id);
    if (existing) return existing;
    const doc = this.#doc;
    const headingId = `team-${team.id}`;
    const empty = h(doc, 'p', { class: 'no-match' }, 'No match today');
    const matches = h(doc, 'div', { class: 'matches' });
    const element = h(
      doc,
      'section',
      { class: 'team', 'aria-labelledby': headingId, 'data-team': team.id },
      h(doc, 'h2', { id: headingId }, team.label),
      empty,
      matches,
    );
    const section = { element, empty, matches };
    this.#teams.set(team.id, section);
    return section;
  }
}
