import { NotificationRules, type NotificationEvent, type Scorecard } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { applyRules } from './apply-rules.ts';
import { RulesState } from './rules-state.ts';
import { DEFAULT_RULES, OPTIONS, ballByBallMatch, innings, scorecard, seededRandom } from './test-support.ts';

/** Applies scorecards in turn, keeping the returned state, as the notify-rules consumer does. */
function deliver(cards: Scorecard[], previous?: RulesState, options = OPTIONS) {
  let state = previous;
  const events: NotificationEvent[] = [];
  for (const card of cards) {
    const applied = applyRules(state, card, options);
    events.push(...applied.events);
    state = applied.state;
  }
  return { events, state: state! };
}

const beforeStart = () => scorecard({ seq: 0, status: 'not-started' });
const withRules = (rules: Partial<NotificationRules>) => ({
  ...OPTIONS,
  rules: NotificationRules.parse({ ...rules }),
});
const MATCH_STATE_KINDS = new Set(['play-started', 'innings-break', 'result', 'abandoned']);
const matchStateOf = (events: NotificationEvent[]) =>
  events.filter((e) => MATCH_STATE_KINDS.has(e.kind)).map((e) => [e.id, e.kind, e.body]);

const scholes = (runs: number, wickets: number, overs: string | null) =>
  innings('Scholes', { runs, wickets, overs });
const cleckheaton = (runs: number, wickets: number, overs: string | null) =>
  innings('Cleckheaton', { runs, wickets, overs });

describe('match-state alerts', () => {
  describe('start of play', () => {
    it('is told with the first ball bowled, naming the side batting first', () => {
      const { events } = deliver([beforeStart(), scorecard({ seq: 1, innings: [scholes(1, 0, '0.1')] })]);
      expect(events.map((e) => [e.id, e.kind, e.title, e.body])).toEqual([
        [
          '6123456:start',
          'play-started',
          '1st XI · Play has started',
          'Scholes batting first · Scholes 1/0 (0.1 ov)',
        ],
      ]);
    });

    it('waits for a ball: an innings tab opened at 0/0 is not the start', () => {
      const open = deliver([beforeStart(), scorecard({ seq: 1, innings: [scholes(0, 0, null)] })]);
      expect(open.events).toEqual([]);
      expect(deliver([scorecard({ seq: 2, innings: [scholes(0, 0, '0.1')] })], open.state).events).toEqual([
        expect.objectContaining({ id: '6123456:start' }),
      ]);
    });

    it('is never told for a match first seen after the start: the catch-up summary says it', () => {
      const { events } = deliver([
        scorecard({ seq: 5, innings: [scholes(30, 1, '6.0')] }),
        scorecard({ seq: 6, innings: [scholes(31, 1, '6.1')] }),
      ]);
      expect(events.map((e) => e.id)).toEqual(['6123456:catch-up']);
    });

    it('is not replayed mid-match by a state saved before the alert existed', () => {
      const live = deliver([beforeStart(), scorecard({ seq: 1, innings: [scholes(12, 0, '3.0')] })]).state;
      const { matchState: _absent, ...older } = live;
      const next = deliver(
        [scorecard({ seq: 2, innings: [scholes(14, 0, '3.2')] })],
        RulesState.parse(older),
      );
      expect(next.events).toEqual([]);
    });
  });

  describe('innings break', () => {
    const firstOver = scorecard({ seq: 1, innings: [scholes(2, 0, '0.2')] });

    it('tells the target and who needs it once the chase shows on the card', () => {
      const cards = [
        beforeStart(),
        firstOver,
        scorecard({ seq: 2, innings: [scholes(186, 7, '40'), cleckheaton(0, 0, null)] }),
      ];
      expect(matchStateOf(deliver(cards, undefined, withRules({ oversInterval: 0 })).events)).toEqual([
        ['6123456:start', 'play-started', 'Scholes batting first · Scholes 2/0 (0.2 ov)'],
        ['6123456:innings-break', 'innings-break', 'Scholes 186/7 (40 ov) · Cleckheaton need 187 to win'],
      ]);
    });

    it('tells the target at once when the side is all out, before the chase shows', () => {
      const cards = [beforeStart(), firstOver, scorecard({ seq: 2, innings: [scholes(104, 10, '33.4')] })];
      expect(matchStateOf(deliver(cards).events).at(-1)).toEqual([
        '6123456:innings-break',
        'innings-break',
        'Scholes 104 all out (33.4 ov) · Target 105',
      ]);
    });

    it('is told once, however often the chase is refreshed', () => {
      const chase = (seq: number, runs: number) =>
        scorecard({ seq, innings: [scholes(104, 10, '33.4'), cleckheaton(runs, 0, `${seq - 2}`)] });
      const { events } = deliver([beforeStart(), firstOver, chase(3, 0), chase(4, 5), chase(5, 9)]);
      expect(events.filter((e) => e.kind === 'innings-break')).toHaveLength(1);
    });

    it('is left to the result when the match ends with the first innings', () => {
      const cards = [
        beforeStart(),
        firstOver,
        scorecard({ seq: 2, status: 'complete', result: 'MATCH ABANDONED', innings: [scholes(50, 2, '12')] }),
      ];
      expect(deliver(cards).events.map((e) => e.kind)).not.toContain('innings-break');
    });

    it('is not told in a match of more than two innings, which has no single target', () => {
      const cards = [
        beforeStart(),
        firstOver,
        scorecard({
          seq: 2,
          innings: [scholes(200, 10, '60'), cleckheaton(150, 10, '50'), scholes(20, 1, '5')],
        }),
      ];
      expect(deliver(cards).events.map((e) => e.kind)).not.toContain('innings-break');
    });
  });

  describe('the result', () => {
    const chase = [scholes(104, 10, '33.4'), cleckheaton(105, 2, '20.1')];

    it("keeps the league's words when they give the margin", () => {
      const won = scorecard({
        seq: 1,
        status: 'complete',
        result: 'Cleckheaton WON BY 8 WICKETS',
        innings: chase,
      });
      expect(matchStateOf(applyRules(undefined, won, OPTIONS).events)).toEqual([
        ['6123456:result', 'result', 'Cleckheaton WON BY 8 WICKETS'],
      ]);
    });

    it('works the margin out from the totals when the league gives none', () => {
      const won = scorecard({ seq: 1, status: 'complete', result: 'Cleckheaton WON', innings: chase });
      const defended = scorecard({
        seq: 1,
        status: 'complete',
        result: 'Scholes WON',
        innings: [scholes(104, 10, '33.4'), cleckheaton(93, 10, '30.2')],
      });
      expect(applyRules(undefined, won, OPTIONS).events[0]?.body).toBe('Cleckheaton WON by 8 wickets');
      expect(applyRules(undefined, defended, OPTIONS).events[0]?.body).toBe('Scholes WON by 11 runs');
    });
  });

  describe('abandonment', () => {
    it('is told instead of a result, with the score so far, under the outcome id', () => {
      const cards = [
        beforeStart(),
        scorecard({ seq: 1, innings: [scholes(2, 0, '0.2')] }),
        scorecard({
          seq: 2,
          status: 'complete',
          result: 'MATCH ABANDONED',
          innings: [scholes(88, 3, '21.4')],
        }),
        scorecard({
          seq: 3,
          status: 'complete',
          result: 'MATCH ABANDONED',
          innings: [scholes(88, 3, '21.4')],
        }),
      ];
      expect(matchStateOf(deliver(cards, undefined, withRules({ oversInterval: 0 })).events)).toEqual([
        ['6123456:start', 'play-started', 'Scholes batting first · Scholes 2/0 (0.2 ov)'],
        ['6123456:result', 'abandoned', 'MATCH ABANDONED · Scholes 88/3 (21.4 ov)'],
      ]);
    });

    it('is told for a match called off before a ball, and for a cancellation', () => {
      const off = (result: string) =>
        deliver([beforeStart(), scorecard({ seq: 1, status: 'complete', result })]);
      expect(off('MATCH ABANDONED').events.map((e) => [e.kind, e.title, e.body])).toEqual([
        ['abandoned', '1st XI · Match abandoned', 'MATCH ABANDONED'],
      ]);
      expect(off('MATCH CANCELLED').events.map((e) => e.kind)).toEqual(['abandoned']);
    });

    it('is the only thing told of a match first seen abandoned', () => {
      const card = scorecard({
        seq: 4,
        status: 'complete',
        result: 'MATCH ABANDONED',
        innings: [scholes(88, 3, '21.4')],
      });
      expect(applyRules(undefined, card, OPTIONS).events.map((e) => e.kind)).toEqual(['abandoned']);
    });
  });

  describe('switches', () => {
    const day = [
      beforeStart(),
      scorecard({ seq: 1, innings: [scholes(4, 1, '1')] }),
      scorecard({ seq: 2, innings: [scholes(104, 10, '33.4'), cleckheaton(0, 0, null)] }),
      scorecard({
        seq: 3,
        status: 'complete',
        result: 'MATCH ABANDONED',
        innings: [scholes(104, 10, '33.4')],
      }),
    ];

    it('defaults every match-state alert on', () => {
      expect(DEFAULT_RULES).toMatchObject({
        playStarted: true,
        inningsBreak: true,
        abandoned: true,
        result: true,
      });
    });

    it.each([
      ['playStarted', 'play-started'],
      ['inningsBreak', 'innings-break'],
      ['abandoned', 'abandoned'],
    ] as const)('%s: false tells no %s and the rest as before', (rule, kind) => {
      const all = deliver(day).events.map((e) => e.kind);
      const without = deliver(day, undefined, withRules({ [rule]: false })).events.map((e) => e.kind);
      expect(all).toContain(kind);
      expect(without).toEqual(all.filter((k) => k !== kind));
    });

    it('never replays a moment passed while its switch was off', () => {
      const silent = deliver(
        day.slice(0, 3),
        undefined,
        withRules({ playStarted: false, inningsBreak: false }),
      );
      expect(deliver(day.slice(3), silent.state).events.map((e) => e.kind)).toEqual(['abandoned']);
    });
  });

  describe.each([11, 2024])('a whole ball-by-ball match, duplicated and reordered (seed %i)', (seed) => {
    const cards = ballByBallMatch(seed);
    const inOrder = deliver(cards).events;

    it('tells the start, the break and the result once each, in that order', () => {
      expect(inOrder.filter((e) => MATCH_STATE_KINDS.has(e.kind)).map((e) => e.id)).toEqual([
        '6123456:start',
        '6123456:innings-break',
        '6123456:result',
      ]);
      expect(inOrder.find((e) => e.kind === 'innings-break')?.body).toMatch(
        /^Scholes .* · (Cleckheaton need \d+ to win|Target \d+)$/,
      );
    });

    it.each([
      ['each twice', 0],
      ['twice and held back by up to five places', 5],
      ['twice in any order', 10_000],
    ])('never tells one twice when the scorecards arrive %s', (_, maxDelay) => {
      const random = seededRandom(seed);
      const jostled = cards
        .flatMap((c) => [c, c])
        .map((card, i) => ({ card, at: i + random() * maxDelay }))
        .sort((a, b) => a.at - b.at)
        .map((d) => d.card);
      const told = deliver(jostled)
        .events.filter((e) => MATCH_STATE_KINDS.has(e.kind))
        .map((e) => e.id);
      expect(new Set(told).size).toBe(told.length);
      expect(told).toContain('6123456:result');
    });
  });
});
