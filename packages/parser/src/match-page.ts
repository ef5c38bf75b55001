import { Scorecard, oneLineReason, type ScorecardHtml } from '@live-scores/schema';
import { findAll, findFirst, loadDocument, textOf, withClass, type Element } from './dom.ts';
import { ScorecardParseError } from './errors.ts';
import { readInnings } from './innings.ts';
import { identifyMatch, type MatchSource } from './match-source.ts';
import { readOutcome } from './status.ts';

const isHeader = withClass('container', 'main-header');
const isInningsTeam = withClass('nvp-innings__tab-team');
const isInningsContent = withClass('nvp-innings__tab-content');

/**
 * A Play-Cricket match page → a validated Scorecard. `html` is a whole saved page or just
 * the header and scorecard fragments; both are found wherever they sit in the markup.
 * Throws ScorecardParseError for anything that is not a readable scorecard.
 */
export function parseMatchPage(html: string, source: MatchSource): Scorecard {
  if (!html.trim()) throw new ScorecardParseError('the page is empty');
  const document = loadDocument(html);
  const header = findFirst(document, isHeader);
  const scorecardTab = findFirst(document, (element) => element.attribs.id === 'nvScorecardTab');
  if (!header && !scorecardTab) {
    throw new ScorecardParseError(
      'not a match page: it has neither the match header (.container.main-header) nor the scorecard (#nvScorecardTab)',
    );
  }

  const teams = scorecardTab ? findAll(scorecardTab, isInningsTeam) : [];
  const contents = scorecardTab ? findAll(scorecardTab, isInningsContent) : [];
  if (teams.length !== contents.length) {
    throw new ScorecardParseError(
      `the scorecard names ${teams.length} batting sides but has ${contents.length} innings blocks`,
    );
  }
  // The lengths match (checked above), so each innings block has its team name.
  const innings = contents.map((content, i) => readInnings(textOf(teams[i] as Element), content, i + 1));

  const { url, matchId } = identifyMatch(document, source);
  const candidate = {
    schemaVersion: 1,
    matchId,
    teamId: source.teamId,
    url,
    capturedAt: source.capturedAt ?? new Date().toISOString(),
    seq: source.seq ?? 0,
    ...readOutcome(header, innings.length),
    innings,
  };
  const checked = Scorecard.safeParse(candidate);
  if (!checked.success)
    throw new ScorecardParseError(`not a valid scorecard: ${oneLineReason(checked.error)}`);
  return checked.data;
}

/** The scraper's message → a Scorecard, keeping its match, team, URL, capture time and seq. */
export function parseScorecardHtml(message: ScorecardHtml): Scorecard {
  const { headerHtml, scorecardHtml, matchId, teamId, url, capturedAt, seq } = message;
  return parseMatchPage(headerHtml + scorecardHtml, { matchId, teamId, url, capturedAt, seq });
}
