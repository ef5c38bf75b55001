import type { MatchStatus } from '@live-scores/schema';
import { childElements, findFirst, textOf, withClass, type Element } from './dom.ts';
import { clubName, normaliseSpace } from './text.ts';

export interface MatchOutcome {
  status: MatchStatus;
  result: string | null;
}

/** Status words that mean the match is over (Play-Cricket prints them in capitals). */
const RESULT_WORDS = /\b(WON|LOST|TIED?|ABANDONED|NO RESULT|DRAWN?|CONCEDED|CANCELL?ED|FORFEITED?|AWARDED)\b/;
/** Results with no winner: any name beside them is not a winner's. */
const NO_WINNER = /\b(TIED?|ABANDONED|NO RESULT|DRAWN?|CANCELL?ED)\b/;

const isMatchStatus = withClass('match-status');

/**
 * Status and result from the header's `.match-status`. A result names the winner, taken
 * from the first child of the status's parent ("Cleckheaton WON BY 8 WICKETS"), or is the
 * bare words when there is none ("MATCH TIED"). Without status words, the match is under
 * way once an innings exists.
 */
export function readOutcome(header: Element | undefined, inningsCount: number): MatchOutcome {
  const statusElement = header && findFirst(header, isMatchStatus);
  const words = statusElement ? normaliseSpace(textOf(statusElement)).toUpperCase() : '';
  const underWay: MatchOutcome = { status: inningsCount > 0 ? 'in-progress' : 'not-started', result: null };
  if (/\bIN PROGRESS\b/.test(words)) return { status: 'in-progress', result: null };
  if (!statusElement || !RESULT_WORDS.test(words)) return underWay;
  const winner = NO_WINNER.test(words) ? '' : winnerBeside(statusElement);
  return { status: 'complete', result: winner ? `${winner} ${words}` : words };
}

function winnerBeside(statusElement: Element): string {
  const first = statusElement.parent ? childElements(statusElement.parent)[0] : undefined;
  if (!first || first === statusElement || findFirst(first, isMatchStatus)) return '';
  return clubName(textOf(first));
}
