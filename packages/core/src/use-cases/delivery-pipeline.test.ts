import {
  createEmbeddedPushQueue,
  createEmbeddedQueue,
  createMemoryEventLog,
  createMemoryDeliveryClaims,
  createMemoryIdempotencyStore,
  createMemoryRulesStateStore,
  createMemorySubscriptionStore,
} from '@live-scores/local';
import { createWebPushSender, generateVapidKeys, type WebPushSender } from '@live-scores/push';
import { startPushReceiver, type PushReceiver } from '@live-scores/push-receiver';
import type { PushQueueMessage, Scorecard } from '@live-scores/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import { RULE_OPTIONS, scorecardAt } from '../testing/delivery-fixtures.ts';
import { notifyRules } from './notify-rules.ts';
import { handlePushMessage } from './handle-push-message.ts';

const vapid = { subject: 'mailto:scores@club.example', ...generateVapidKeys() };

describe('scorecards to phones, through the rules, the push queue and the push service', () => {
  let receiver: PushReceiver;
  let sender: WebPushSender;
  beforeAll(async () => {
    receiver = await startPushReceiver();
    sender = createWebPushSender({ vapid });
  });
  afterAll(async () => {
    await sender.close();
    await receiver.close();
  });

  /** Applies the scorecards (one after another, or all at once) and lets the push queue drain. */
  async function deliver(scorecards: Scorecard[], order: 'sequential' | 'concurrent') {
    const logger = createMemoryLogger();
    const subscriptions = createMemorySubscriptionStore();
    const everything = receiver.createSubscription();
    const resultsOnly = receiver.createSubscription();
    await subscriptions.put({ endpoint: everything.endpoint, keys: everything.keys });
    await subscriptions.put({
      endpoint: resultsOnly.endpoint,
      keys: resultsOnly.keys,
      preferences: { kinds: ['result'] },
    });

    const settings = { pageUrl: '/', ttlSeconds: { score: 1800, result: 86_400 } };
    const idempotency = createMemoryIdempotencyStore();
    const claims = createMemoryDeliveryClaims();
    const queue = createEmbeddedQueue<PushQueueMessage>({
      name: 'push',
      logger,
      concurrency: 4,
      handler: async (message) =>
        void (await handlePushMessage(
          { sender, subscriptions, pushQueue, idempotency, claims, logger },
          message,
          settings,
        )),
    });
    const pushQueue = createEmbeddedPushQueue(queue);
    const deps = {
      states: createMemoryRulesStateStore(),
      eventLog: createMemoryEventLog(),
      pushQueue,
      logger,
    };

    const reports = [];
    if (order === 'concurrent')
      reports.push(...(await Promise.all(scorecards.map((card) => notifyRules(deps, card, RULE_OPTIONS)))));
    else for (const card of scorecards) reports.push(await notifyRules(deps, card, RULE_OPTIONS));
    await queue.idle();
    queue.close();
    const pushesTo = (endpoint: string) =>
      receiver.received
        .filter((r) => r.path === new URL(endpoint).pathname)
        .map((r) => r.payload as { title: string; body: string });
    return {
      queuedIds: reports.flatMap((r) => r.queued.map((e) => e.id)),
      everything: pushesTo(everything.endpoint),
      resultsOnly: pushesTo(resultsOnly.endpoint),
    };
  }

  const cards = [scorecardAt(1, 0), scorecardAt(2, 1), scorecardAt(3, 2)];
  const replayed = [cards[0]!, cards[2]!, cards[1]!, cards[2]!, cards[0]!, cards[1]!, cards[2]!];

  it('sends the in-order match one push per moment, and nothing to a subscriber who wants only results', async () => {
    const { queuedIds, everything, resultsOnly } = await deliver([...cards, cards[2]!], 'sequential');
    expect(queuedIds).toEqual(['6123456:catch-up', '6123456:1:wicket:4', '6123456:1:wicket:5']);
    expect(everything.map((p) => p.title)).toEqual([
      '1st XI · Live score',
      '1st XI · Wicket',
      '1st XI · Wicket',
    ]);
    expect(resultsOnly).toEqual([]);
  });

  it.each(['sequential', 'concurrent'] as const)(
    'never pushes a moment twice when scorecards are duplicated and reordered (%s)',
    async (order) => {
      const { queuedIds, everything } = await deliver(replayed, order);
      // Racing consumers may each queue a copy of an event; it is fanned out once.
      if (order === 'sequential') expect(new Set(queuedIds).size).toBe(queuedIds.length);
      expect(everything).toHaveLength(new Set(queuedIds).size);
      expect(new Set(everything.map((p) => `${p.title}|${p.body}`)).size).toBe(everything.length);
    },
  );
});
