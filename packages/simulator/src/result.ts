import type { MatchResult, MatchTimeline } from './match.ts';
import { shortClubName } from './names.ts';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 'S'}`;
}

/** The words in `.match-status`: "WON BY 8 WICKETS", "MATCH TIED", "NO RESULT". */
export function resultWords(result: MatchResult): string {
  switch (result.kind) {
    case 'won-by-runs':
      return `WON BY ${plural(result.margin ?? 0, 'RUN')}`;
    case 'won-by-wickets':
      return `WON BY ${plural(result.margin ?? 0, 'WICKET')}`;
    case 'tie':
      return 'MATCH TIED';
    case 'abandoned':
      return 'MATCH ABANDONED';
    case 'no-result':
      return 'NO RESULT';
  }
}

/** The winning club as the site names it ("Cleckheaton CC"), or null. */
export function winnerClub(timeline: MatchTimeline, result: MatchResult): string | null {
  return result.winner ? timeline[result.winner].club : null;
}

/** The result as the Scorecard carries it: "Cleckheaton WON BY 8 WICKETS", "MATCH TIED". */
export function resultText(timeline: MatchTimeline, result: MatchResult): string {
  const winner = winnerClub(timeline, result);
  const words = resultWords(result);
  return winner ? `${shortClubName(winner)} ${words}` : words;
}
