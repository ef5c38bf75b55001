import { applyRules } from '@live-scores/notify';
import type { ConfigFile, NotificationEvent, NotificationRules, Scorecard } from '@live-scores/schema';
import { sleep } from '../concurrency.ts';
import type { Logger } from '../logger.ts';
import type { EventLog } from '../ports/event-log.ts';
import type { PushQueue } from '../ports/push-queue.ts';
import type { RulesStateStore } from '../ports/rules-state.ts';

export interface NotifyRulesDeps {
  states: RulesStateStore;
  eventLog: EventLog;
  pushQueue: PushQueue;
  logger: Logger;
}

export interface NotifyRulesOptions {
  rules: NotificationRules;
  /** The team's label for titles, e.g. "1st XI". */
  teamLabel: string;
  /** Reload-and-reapply rounds when another consumer saved the match's state first. */
  maxAttempts?: number;
}

/**
 * The rules and title label for a scorecard's team, from the configuration. A scorecard
 * for a team the club does not configure is a bad message, not a silent no-op.
 */
export function notifyRulesOptionsFor(
  config: Pick<ConfigFile, 'teams' | 'notifications'>,
  teamId: string,
): NotifyRulesOptions {
  const team = config.teams.find((t) => t.id === teamId);
  if (!team) throw new Error(`team ${teamId} is not configured`);
  return { rules: config.notifications, teamLabel: team.label };
}

export interface NotifyRulesReport {
  /** Events now on the push queue. */
  queued: NotificationEvent[];
  /** Of those, events already in the event log (a run that died before saving, or a race). */
  duplicates: number;
  attempts: number;
}

export class RulesStateContention extends Error {
  constructor(matchId: string, attempts: number) {
    super(`rules state of match ${matchId} kept changing under us (${attempts} attempts)`);
    this.name = 'RulesStateContention';
  }
}

/**
 * Records each id once; the ids that were new, in the events' order. All at once: locally
 * they share one commit, so a step that yields many events is as quick as one with few.
 */
async function recordNew(
  eventLog: EventLog,
  events: readonly NotificationEvent[],
): Promise<NotificationEvent[]> {
  const recorded = await Promise.all(events.map((event) => eventLog.recordOnce(event.id)));
  return events.filter((_, i) => recorded[i]);
}

/**
 * Scorecard → the match's rules state → events → push queue. Exactly-once in effect: the
 * rules ignore a scorecard that is not newer than the state (so a replay yields nothing),
 * every event id is recorded in the event log, the events are queued, and only then is the
 * state saved, with a version check; on a conflict the whole step runs again on the newer
 * state. A run killed between recording and saving leaves the state behind, so the
 * redelivery yields the same events and queues them: none is lost, and the copies a race
 * can queue are fanned out once.
 */
export async function notifyRules(
  deps: NotifyRulesDeps,
  scorecard: Scorecard,
  options: NotifyRulesOptions,
): Promise<NotifyRulesReport> {
  const maxAttempts = options.maxAttempts ?? 5;
  const log = { matchId: scorecard.matchId, teamId: scorecard.teamId };
  const queued: NotificationEvent[] = [];
  let duplicates = 0;

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const previous = await deps.states.load(scorecard.matchId);
    const { events, state } = applyRules(previous?.state, scorecard, {
      rules: options.rules,
      teamLabel: options.teamLabel,
    });

    const fresh = await recordNew(deps.eventLog, events);
    duplicates += events.length - fresh.length;
    // The loaded state has not taken this scorecard yet, so an event of this step found
    // already recorded may be one a run recorded and then died (or was stopped) before
    // queueing: every event of the step is queued, not only the fresh ones. A second copy
    // of one that did reach the queue costs nothing: each event is fanned out once.
    if (events.length > 0) {
      try {
        await deps.pushQueue.enqueueEvents(events);
      } catch (error) {
        // The step did not happen: none of its events stays recorded, so that a newer
        // scorecard applied first (a jump that yields other events) leaves none stranded.
        await deps.eventLog.release(events.map((e) => e.id));
        throw error;
      }
      queued.push(...events);
    }

    // Not newer than what was applied: the rules hand the state back untouched; nothing to save.
    const unchanged = previous !== null && state === previous.state;
    const saved = unchanged
      ? 'saved'
      : await deps.states.save(scorecard.matchId, state, previous?.version ?? 0);
    if (saved === 'saved') {
      deps.logger.info('rules applied', { ...log, queued: queued.length, duplicates, attempt });
      return { queued, duplicates, attempts: attempt };
    }
    deps.logger.warn('rules state conflict, reapplying', { ...log, attempt });
    // Jitter, so consumers that collided do not collide again in lockstep.
    await sleep(Math.random() * 20 * attempt);
  }
  throw new RulesStateContention(scorecard.matchId, maxAttempts);
}
