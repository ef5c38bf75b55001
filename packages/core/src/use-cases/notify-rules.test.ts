import type { NotificationEvent, PushJob } from '@live-scores/schema';
import { createMemoryEventLog, createMemoryRulesStateStore } from '@live-scores/local';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import type { PushQueue } from '../ports/push-queue.ts';
import type { RulesStateStore } from '../ports/rules-state.ts';
import { RULE_OPTIONS, scorecardAt } from '../testing/delivery-fixtures.ts';
import { notifyRules, notifyRulesOptionsFor } from './notify-rules.ts';

function recordingQueue(): PushQueue & { events: NotificationEvent[] } {
  const events: NotificationEvent[] = [];
  return {
    events,
    enqueueEvents: async (batch) => void events.push(...batch),
    enqueueDigestFlush: async () => undefined,
    enqueueJobs: async (_jobs: PushJob[]) => undefined,
  };
}

function setup(states: RulesStateStore = createMemoryRulesStateStore()) {
  const pushQueue = recordingQueue();
  const deps = { states, eventLog: createMemoryEventLog(), pushQueue, logger: createMemoryLogger() };
  return { deps, pushQueue, states };
}

const ids = (events: NotificationEvent[]): string[] => events.map((e) => e.id);

describe('notify-rules', () => {
  it('queues the events of each new scorecard and advances the match state', async () => {
    const { deps, pushQueue, states } = setup();
    await notifyRules(deps, scorecardAt(1, 0), RULE_OPTIONS);
    const second = await notifyRules(deps, scorecardAt(2, 1), RULE_OPTIONS);
    expect(ids(second.queued)).toEqual(['6123456:1:wicket:4']);
    expect(pushQueue.events.map((e) => e.kind)).toEqual(['overs', 'wicket']);
    expect((await states.load('6123456'))?.version).toBe(2);
  });

  it('queues nothing more when the same scorecards are delivered again', async () => {
    const { deps, pushQueue } = setup();
    const cards = [scorecardAt(1, 0), scorecardAt(2, 1), scorecardAt(3, 2)];
    for (const card of [...cards, ...cards, cards[1]!]) await notifyRules(deps, card, RULE_OPTIONS);
    expect(ids(pushQueue.events)).toEqual(['6123456:catch-up', '6123456:1:wicket:4', '6123456:1:wicket:5']);
  });

  it('queues nothing for an older scorecard arriving after a newer one', async () => {
    const { deps, pushQueue } = setup();
    await notifyRules(deps, scorecardAt(3, 2), RULE_OPTIONS);
    const before = pushQueue.events.length;
    const late = await notifyRules(deps, scorecardAt(2, 1), RULE_OPTIONS);
    expect(late.queued).toEqual([]);
    expect(pushQueue.events.length).toBe(before);
  });

  it('queues again the events a run recorded but died before queueing, as the state was not saved', async () => {
    const { deps, pushQueue, states } = setup();
    await notifyRules(deps, scorecardAt(1, 0), RULE_OPTIONS);
    const killed = {
      ...deps,
      pushQueue: { ...deps.pushQueue, enqueueEvents: () => new Promise<void>(() => undefined) },
    };
    // Recorded, then the process died before the queue had the events: never resolves.
    void notifyRules(killed, scorecardAt(2, 1), RULE_OPTIONS);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await states.load('6123456'))?.version).toBe(1);

    const redelivered = await notifyRules(deps, scorecardAt(2, 1), RULE_OPTIONS);
    expect(ids(redelivered.queued)).toEqual(['6123456:1:wicket:4']);
    expect(ids(pushQueue.events)).toEqual(['6123456:catch-up', '6123456:1:wicket:4']);
    expect(await notifyRules(deps, scorecardAt(2, 1), RULE_OPTIONS)).toMatchObject({ queued: [] });
  });

  it('leaves none of a failed step recorded, those of a run that died included', async () => {
    const { deps } = setup();
    await notifyRules(deps, scorecardAt(1, 0), RULE_OPTIONS);
    const killed = {
      ...deps,
      pushQueue: { ...deps.pushQueue, enqueueEvents: () => new Promise<void>(() => undefined) },
    };
    void notifyRules(killed, scorecardAt(2, 1), RULE_OPTIONS);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const refused = {
      ...deps,
      pushQueue: { ...deps.pushQueue, enqueueEvents: () => Promise.reject(new Error('queue down')) },
    };
    await expect(notifyRules(refused, scorecardAt(2, 1), RULE_OPTIONS)).rejects.toThrow('queue down');
    // Nothing stranded: a newer scorecard applied first is free to yield the same event.
    expect(await deps.eventLog.recordOnce('6123456:1:wicket:4')).toBe(true);
  });

  it('queues every event when two consumers apply the same scorecards concurrently', async () => {
    const shared = setup();
    const other = { ...shared.deps, logger: createMemoryLogger() };
    const cards = [scorecardAt(1, 0), scorecardAt(2, 1), scorecardAt(3, 2)];
    await Promise.all(
      cards.flatMap((card) => [
        notifyRules(shared.deps, card, RULE_OPTIONS),
        notifyRules(other, card, RULE_OPTIONS),
      ]),
    );
    // A racing consumer may queue a copy of an event (the fan-out's claim makes it one
    // notification); none is missing.
    expect([...new Set(ids(shared.pushQueue.events))].sort()).toEqual(
      ['6123456:catch-up', '6123456:1:wicket:4', '6123456:1:wicket:5'].sort(),
    );
  });

  it('reloads and reapplies when another consumer saved the state first', async () => {
    const inner = createMemoryRulesStateStore();
    let raced = false;
    const racing: RulesStateStore = {
      load: (matchId) => inner.load(matchId),
      async save(matchId, state, expected) {
        if (!raced) {
          raced = true;
          await inner.save(matchId, state, expected);
          return 'conflict';
        }
        return inner.save(matchId, state, expected);
      },
    };
    const { deps, pushQueue } = setup(racing);
    const report = await notifyRules(deps, scorecardAt(1, 0), RULE_OPTIONS);
    expect(report.attempts).toBe(2);
    expect(pushQueue.events).toHaveLength(1);
  });

  it('releases the recorded ids when the queue refuses them, so a retry queues them', async () => {
    const { deps } = setup();
    const failing = {
      ...deps,
      pushQueue: { ...deps.pushQueue, enqueueEvents: () => Promise.reject(new Error('queue down')) },
    };
    await expect(notifyRules(failing, scorecardAt(1, 0), RULE_OPTIONS)).rejects.toThrow('queue down');
    const retry = await notifyRules(deps, scorecardAt(1, 0), RULE_OPTIONS);
    expect(ids(retry.queued)).toEqual(['6123456:catch-up']);
  });
});

describe('notifyRulesOptionsFor', () => {
  const config = {
    teams: [{ id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' }],
    notifications: RULE_OPTIONS.rules,
  };

  it("gives the configured rules and the team's label for its titles", () => {
    expect(notifyRulesOptionsFor(config, 'firstTeam')).toEqual({
      rules: RULE_OPTIONS.rules,
      teamLabel: '1st XI',
    });
  });

  it('rejects a scorecard for a team the club does not configure', () => {
    expect(() => notifyRulesOptionsFor(config, 'thirdTeam')).toThrow('team thirdTeam is not configured');
  });
});
