import type { FindFixturesResult, LaunchOutcome } from '@live-scores/core';
import type { NotificationEvent, Scorecard } from '@live-scores/schema';

/**
 * What the operator watching the terminal sees: one human-readable line per thing that
 * happened, derived from the runtime's own events (find-fixtures results, launch outcomes,
 * scorecards on the topic, notification events on the push queue). The structured JSON
 * logs carry the detail; this is the story of the day.
 */
export interface OperatorFeed {
  fixturesFound(result: FindFixturesResult): void;
  scraperLaunched(outcome: LaunchOutcome): void;
  scorecard(scorecard: Scorecard): void;
  notification(event: NotificationEvent): void;
  note(line: string): void;
}

const clock = (): string => new Date().toTimeString().slice(0, 8);

function score(scorecard: Scorecard): string {
  const innings = scorecard.innings.at(-1);
  if (!innings) return 'no score yet';
  const { runs, wickets, overs } = innings.total;
  return `${innings.team} ${runs}/${wickets}${overs ? ` (${overs} ov)` : ''}`;
}

export function createOperatorFeed(write: (line: string) => void): OperatorFeed {
  const say = (line: string): void => write(`${clock()}  ${line}`);
  const statusOf = new Map<string, Scorecard['status']>();
  let lastFound = '';

  return {
    fixturesFound({ found, recorded }) {
      const summary = found.map((f) => `${f.teamId} (match ${f.matchId})`).join(', ');
      if (recorded.length > 0) say(`fixtures found: ${summary}`);
      else if (summary !== lastFound)
        say(found.length === 0 ? 'no club fixtures on the fixtures page yet' : `fixtures: ${summary}`);
      lastFound = summary;
    },
    scraperLaunched(outcome) {
      if (outcome.kind === 'launched')
        say(`watching match ${outcome.matchIds.join(', ')} (${outcome.hostId})`);
      if (outcome.kind === 'joined') say(`watching one more match on ${outcome.hostId}`);
    },
    scorecard(scorecard) {
      const previous = statusOf.get(scorecard.matchId);
      if (previous === scorecard.status) return;
      statusOf.set(scorecard.matchId, scorecard.status);
      const who = `${scorecard.teamId} (match ${scorecard.matchId})`;
      if (scorecard.status === 'in-progress') say(`play: ${who}: ${score(scorecard)}`);
      if (scorecard.status === 'complete') say(`result: ${who}: ${scorecard.result ?? score(scorecard)}`);
    },
    notification(event) {
      // The scorecard lines already say these: the result, and the first-sight summary.
      if (event.kind === 'result' || event.id.endsWith(':catch-up')) return;
      say(`${event.kind}: ${event.title}${event.body ? ` - ${event.body}` : ''}`);
    },
    note: say,
  };
}
