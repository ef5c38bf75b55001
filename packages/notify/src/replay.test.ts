import { compareScorecards, NotificationEvent, type Scorecard } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { applyRules } from './apply-rules.ts';
import type { RulesState } from './rules-state.ts';
import { OPTIONS, ballByBallMatch, seededRandom } from './test-support.ts';

/** The consumer: applies each delivery with the state it stored last, and stores what comes back. */
function consume(deliveries: Scorecard[]) {
  let state: RulesState | undefined;
  const perDelivery: { card: Scorecard; before: RulesState | undefined; events: NotificationEvent[] }[] = [];
  for (const card of deliveries) {
    const applied = applyRules(state, card, OPTIONS);
    perDelivery.push({ card, before: state, events: applied.events });
    state = applied.state;
  }
  return { events: perDelivery.flatMap((d) => d.events), perDelivery, state: state! };
}

const twice = (cards: Scorecard[]) => cards.flatMap((c) => [c, c]);

/** Every message twice, each held back by up to `maxDelay` places, as a queue without ordering does. */
function jostle(cards: Scorecard[], seed: number, maxDelay: number): Scorecard[] {
  const random = seededRandom(seed);
  return twice(cards)
    .map((card, i) => ({ card, at: i + random() * maxDelay }))
    .sort((a, b) => a.at - b.at)
    .map((d) => d.card);
}

const ids = (events: NotificationEvent[]) => events.map((e) => e.id);

describe.each([11, 2024, 77777])('replaying a whole ball-by-ball match (seed %i)', (seed) => {
  const cards = ballByBallMatch(seed);
  const inOrder = consume(cards);
  const finalCard = cards.at(-1)!;

  it('tells, in order, each wicket, both innings ends and the result exactly once', () => {
    const wickets = finalCard.innings.map((inn) => inn.total.wickets);
    const idList = ids(inOrder.events);
    expect(new Set(idList).size).toBe(idList.length);
    expect(idList.filter((id) => id.includes(':1:wicket:'))).toEqual(
      Array.from({ length: wickets[0]! }, (_, i) => `6123456:1:wicket:${i + 1}`),
    );
    expect(idList.filter((id) => id.includes(':2:wicket:'))).toEqual(
      Array.from({ length: wickets[1]! }, (_, i) => `6123456:2:wicket:${i + 1}`),
    );
    expect(idList.filter((id) => id.endsWith(':end') || id.endsWith(':result'))).toEqual([
      '6123456:1:end',
      '6123456:2:end',
      '6123456:result',
    ]);
    expect(idList.at(-1)).toBe('6123456:result');
    expect([...new Set(inOrder.events.map((e) => e.kind))]).toEqual(
      expect.arrayContaining(['overs', 'wicket', 'batting-milestone', 'innings-end', 'result']),
    );
  });

  it('produces only events the push queue accepts', () => {
    for (const event of inOrder.events) expect(NotificationEvent.parse(event)).toEqual(event);
  });

  it('tells exactly the same events when every message is delivered twice', () => {
    expect(consume(twice(cards)).events).toEqual(inOrder.events);
  });

  it.each([
    ['held back by up to five places', 5],
    ['in any order at all', 10_000],
  ])('never tells an event twice when duplicated messages arrive %s', (_, maxDelay) => {
    const shuffled = consume(jostle(cards, seed, maxDelay));
    const idList = ids(shuffled.events);
    expect(new Set(idList).size).toBe(idList.length);
    for (const { card, before, events } of shuffled.perDelivery) {
      if (before !== undefined && compareScorecards(card, before.last) <= 0) expect(events).toEqual([]);
    }
    expect(shuffled.state.last).toEqual({ capturedAt: finalCard.capturedAt, seq: finalCard.seq });
    expect(shuffled.state.resultSent).toBe(true);
    expect(idList.filter((id) => id.includes(':wicket:')).length).toBeLessThanOrEqual(
      finalCard.innings.reduce((sum, inn) => sum + inn.total.wickets, 0),
    );
  });
});
