import type { NotificationEvent, NotificationKind, Scorecard } from '@live-scores/schema';
import { eventIds } from './event-ids.ts';
import type { Moment } from './moments.ts';
import { wordMoment, type Naming } from './text.ts';

/**
 * A worded, identified event. `createdAt` is the scorecard's capture time, not the clock, so the
 * rules stay a pure function of their input.
 */
export function toEvent(moment: Moment, scorecard: Scorecard, naming: Naming): NotificationEvent {
  return {
    id: idOf(moment, scorecard.matchId),
    matchId: scorecard.matchId,
    teamId: scorecard.teamId,
    kind: kindOf(moment),
    ...wordMoment(moment, naming),
    createdAt: scorecard.capturedAt,
  };
}

/** A catch-up summary is a score update as far as subscribers' preferences are concerned. */
function kindOf(moment: Moment): NotificationKind {
  return moment.kind === 'catch-up' ? 'overs' : moment.kind;
}

function idOf(moment: Moment, matchId: string): string {
  switch (moment.kind) {
    case 'overs':
      return eventIds.overs(matchId, moment.at.number, moment.overs);
    case 'wicket':
      return eventIds.wicket(matchId, moment.at.number, moment.wicket);
    case 'batting-milestone':
      return eventIds.battingMilestone(matchId, moment.at.number, moment.key, moment.milestone);
    case 'bowling-milestone':
      return eventIds.bowlingMilestone(matchId, moment.at.number, moment.key, moment.milestone);
    case 'innings-end':
      return eventIds.inningsEnd(matchId, moment.at.number);
    case 'catch-up':
      return eventIds.catchUp(matchId);
    case 'result':
    case 'abandoned':
      return eventIds.result(matchId);
    case 'play-started':
      return eventIds.playStarted(matchId);
    case 'innings-break':
      return eventIds.inningsBreak(matchId);
  }
}
