import { NotificationRules, type NotificationEvent, type Scorecard } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { applyRules } from './apply-rules.ts';
import { RulesState } from './rules-state.ts';
import { OPTIONS, batter, bowler, capturedAt, innings, out, scorecard } from './test-support.ts';

/** Applies scorecards in turn, as the notify-rules consumer does, keeping the returned state. */
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

/**
 * State of a match watched from before the start, its first ball already told: everything after
 * it is live. (The start itself is specified in match-state.test.ts.)
 */
const beforeStart = deliver([scorecard({ seq: 0, status: 'not-started' })]).state;
const watching: RulesState = { ...beforeStart, matchState: { playStarted: true, inningsBreak: false } };

const deegan = (runs: number, figures = {}) => batter('A Deegan', { runs, balls: runs + 10, ...figures });
const scholesAt = (runs: number, wickets: number, overs: string, batting = [deegan(runs)], more = {}) =>
  innings('Scholes', { runs, wickets, overs, batting, ...more });

describe('applyRules', () => {
  describe('event ids', () => {
    const match = [
      scorecard({ seq: 1, innings: [scholesAt(4, 0, '1.0')] }),
      scorecard({
        seq: 2,
        innings: [
          scholesAt(52, 1, '10.0', [deegan(50, { fours: 6, sixes: 1 }), out('B Clough', 'b J Thurwell', 2)], {
            bowling: [bowler('J Thurwell', { overs: '5', runs: 20, wickets: 1 })],
          }),
        ],
      }),
      scorecard({
        seq: 3,
        status: 'complete',
        result: 'Scholes WON BY 10 RUNS',
        innings: [
          scholesAt(52, 1, '10.0', [deegan(50), out('B Clough', 'b J Thurwell', 2)]),
          innings('Cleckheaton', {
            runs: 42,
            wickets: 10,
            overs: '19.3',
            bowling: [bowler('G Ward', { wickets: 5 })],
          }),
        ],
      }),
    ];

    it('names the match, the innings and the moment, so a replay can be recognised downstream', () => {
      expect(deliver(match, watching).events.map((e) => e.id)).toEqual([
        '6123456:1:wicket:1',
        '6123456:1:bat:a-deegan:50',
        '6123456:1:overs:10',
        '6123456:1:end',
        '6123456:2:bowl:g-ward:5',
        '6123456:2:end',
        '6123456:result',
      ]);
    });

    it('gives the same events, ids and all, every time the same scorecards are applied', () => {
      expect(deliver(match, watching).events).toEqual(deliver(match, watching).events);
    });

    it('keeps two batters with the same name apart', () => {
      const twins = scorecard({
        seq: 1,
        innings: [
          scholesAt(120, 0, '20.0', [batter('J Smith', { runs: 55 }), batter('J Smith', { runs: 51 })]),
        ],
      });
      expect(
        deliver([twins], watching, {
          ...OPTIONS,
          rules: NotificationRules.parse({ oversInterval: 0 }),
        }).events.map((e) => e.id),
      ).toEqual(['6123456:1:bat:j-smith:50', '6123456:1:bat:j-smith~2:50']);
    });
  });

  it("stamps each event with the scorecard's capture time, so the output depends on the input alone", () => {
    const { events } = deliver([scorecard({ seq: 7, innings: [scholesAt(60, 0, '10.0')] })], watching);
    expect(events.map((e) => e.createdAt)).toEqual([capturedAt(7), capturedAt(7)]);
  });

  describe('duplicates and late deliveries', () => {
    const wicket = scorecard({
      seq: 5,
      innings: [scholesAt(31, 1, '9.1', [out('A Deegan', 'b J Thurwell', 20)])],
    });

    it('tells nothing when the same scorecard arrives twice', () => {
      const first = applyRules(watching, wicket, OPTIONS);
      const again = applyRules(first.state, wicket, OPTIONS);
      expect(first.events).toHaveLength(1);
      expect(again.events).toEqual([]);
      expect(again.state).toEqual(first.state);
    });

    it('tells nothing for an older scorecard after a newer one, and hands the state back unchanged', () => {
      const newer = applyRules(watching, scorecard({ seq: 9, innings: [scholesAt(45, 0, '11.2')] }), OPTIONS);
      const late = applyRules(newer.state, wicket, OPTIONS);
      expect(late.events).toEqual([]);
      expect(late.state).toBe(newer.state);
    });

    it('orders scorecards captured at the same instant by their sequence number', () => {
      const sameInstant = { ...wicket, seq: 4, capturedAt: capturedAt(6) };
      const newer = applyRules(watching, { ...wicket, seq: 5, capturedAt: capturedAt(6) }, OPTIONS);
      expect(applyRules(newer.state, sameInstant, OPTIONS)).toEqual({ events: [], state: newer.state });
    });

    it('refuses, with a one-line reason, a state that belongs to another match', () => {
      expect(() => applyRules(watching, { ...wicket, matchId: '7000001' }, OPTIONS)).toThrow(
        'notification state is for match 6123456, but the scorecard is for match 7000001',
      );
    });
  });

  describe('an update that jumps several balls', () => {
    it('tells two wickets as two events, in the order the fall of wickets gives', () => {
      const card = scorecard({
        seq: 1,
        innings: [
          scholesAt(
            31,
            2,
            '9.3',
            [out('B Clough', 'lbw b J Thurwell', 12), out('A Deegan', 'ct Smith b Jones', 35)],
            {
              fallOfWickets: '1-30 (A Deegan, 9.1 ov), 2-31 (B Clough, 9.3 ov)',
            },
          ),
        ],
      });
      const { events } = deliver([card], watching);
      expect(events.map((e) => [e.id, e.kind, e.title, e.body])).toEqual([
        ['6123456:1:wicket:1', 'wicket', '1st XI · Wicket', 'WICKET: A Deegan ct Smith b Jones 35'],
        ['6123456:1:wicket:2', 'wicket', '1st XI · Wicket', 'WICKET: B Clough lbw b J Thurwell 12'],
      ]);
    });

    it('falls back to batting order when the fall of wickets does not name the batters', () => {
      const card = scorecard({
        seq: 1,
        innings: [
          scholesAt(
            31,
            2,
            '9.3',
            [out('B Clough', 'lbw b J Thurwell', 12), out('A Deegan', 'ct Smith b Jones', 35)],
            {
              fallOfWickets: '1-30 (9.1), 2-31 (9.3)',
            },
          ),
        ],
      });
      expect(deliver([card], watching).events.map((e) => e.body)).toEqual([
        'WICKET: B Clough lbw b J Thurwell 12',
        'WICKET: A Deegan ct Smith b Jones 35',
      ]);
    });

    it("tells a batter's fifty before the wicket that ended his innings, and another batter's fifty after it", () => {
      const before = scorecard({
        seq: 1,
        innings: [scholesAt(90, 0, '19.0', [deegan(48), batter('S Khan', { runs: 40 })])],
      });
      const after = scorecard({
        seq: 2,
        innings: [
          scholesAt(104, 1, '19.4', [
            out('A Deegan', 'ct Smith b Jones', 52, { balls: 50, fours: 7 }),
            batter('S Khan', { runs: 50, balls: 41, fours: 4, sixes: 2 }),
            batter('G Ward', { runs: 0, balls: 0 }),
          ]),
        ],
      });
      const { events } = deliver([after], deliver([before], watching).state);
      expect(events.map((e) => [e.id, e.title, e.body])).toEqual([
        ['6123456:1:bat:a-deegan:50', '1st XI · 50 for A Deegan', 'A Deegan 52 (50 balls, 7x4)'],
        ['6123456:1:wicket:1', '1st XI · Wicket', 'WICKET: A Deegan ct Smith b Jones 52'],
        ['6123456:1:bat:s-khan:50', '1st XI · 50 for S Khan', 'S Khan 50* (41 balls, 4x4 2x6)'],
      ]);
    });

    it('tells one score update for the latest threshold when several are passed at once', () => {
      const { events } = deliver([scorecard({ seq: 1, innings: [scholesAt(123, 2, '21.3')] })], watching, {
        ...OPTIONS,
        rules: NotificationRules.parse({ battingMilestones: [] }),
      });
      expect(events.map((e) => [e.id, e.title, e.body])).toEqual([
        ['6123456:1:overs:20', '1st XI · 20 overs', 'Scholes 123/2 (21.3 ov)'],
      ]);
    });
  });

  describe('each innings counts afresh', () => {
    const firstInnings = innings('Scholes', {
      runs: 150,
      wickets: 10,
      overs: '38.2',
      batting: [out('A Deegan', 'b G Ward', 60)],
    });

    it('numbers wickets, overs and milestones from the start of the new innings', () => {
      const chase = scorecard({
        seq: 2,
        innings: [
          firstInnings,
          innings('Cleckheaton', {
            runs: 61,
            wickets: 1,
            overs: '10.1',
            batting: [out('J Thurwell', 'ct Smith b Jones', 4), batter('A Deegan', { runs: 50, balls: 30 })],
          }),
        ],
      });
      const { state } = deliver([scorecard({ seq: 1, innings: [firstInnings] })], watching);
      expect(deliver([chase], state).events.map((e) => e.id)).toEqual([
        '6123456:2:wicket:1',
        '6123456:2:bat:a-deegan:50',
        '6123456:2:overs:10',
      ]);
    });
  });

  describe('first sight of a match (no stored state)', () => {
    const underWay = scorecard({
      seq: 40,
      innings: [
        scholesAt(176, 4, '38.2', [
          out('S Mahmood', 'ct A Deegan b J Thurwell', 37),
          out('B Clough', 'b J Thurwell', 3),
          out('G Ward', 'lbw b S Khan', 60),
          out('H Akhtar', 'run out', 1),
          batter('N Dyson', { runs: 55, balls: 60 }),
          batter('W Oldroyd', { runs: 11, balls: 9 }),
        ]),
      ],
    });

    it('tells one summary of the score, never the wickets and milestones already past', () => {
      expect(applyRules(undefined, underWay, OPTIONS).events).toEqual([
        {
          id: '6123456:catch-up',
          matchId: '6123456',
          teamId: 'firstTeam',
          kind: 'overs',
          title: '1st XI · Live score',
          body: 'Scholes 176/4 (38.2 ov)',
          createdAt: capturedAt(40),
        },
      ]);
    });

    it('marks everything so far as seen, so the next wicket is the fifth', () => {
      const { state } = applyRules(undefined, underWay, OPTIONS);
      const next = scorecard({
        seq: 41,
        innings: [
          scholesAt(176, 5, '38.3', [
            ...underWay.innings[0]!.batting.slice(0, 5),
            out('W Oldroyd', 'b J Thurwell', 11),
            batter('F Iqbal'),
          ]),
        ],
      });
      expect(applyRules(state, next, OPTIONS).events.map((e) => [e.id, e.body])).toEqual([
        ['6123456:1:wicket:5', 'WICKET: W Oldroyd b J Thurwell 11'],
      ]);
    });

    it('sums up every innings when the match is in its second', () => {
      const card = scorecard({
        seq: 90,
        innings: [
          innings('Scholes', { runs: 104, wickets: 10, overs: '33.4' }),
          innings('Cleckheaton', { runs: 56, wickets: 1, overs: '12.3' }),
        ],
      });
      expect(applyRules(undefined, card, OPTIONS).events.map((e) => [e.id, e.body])).toEqual([
        ['6123456:catch-up', 'Scholes 104 all out (33.4 ov) · Cleckheaton 56/1 (12.3 ov)'],
      ]);
    });

    it('tells only the result of a match already finished', () => {
      const card = scorecard({
        seq: 200,
        status: 'complete',
        result: 'Cleckheaton WON BY 8 WICKETS',
        innings: [
          innings('Scholes', { runs: 104, wickets: 10, overs: '33.4' }),
          innings('Cleckheaton', { runs: 105, wickets: 2, overs: '20.1' }),
        ],
      });
      expect(applyRules(undefined, card, OPTIONS).events.map((e) => [e.id, e.kind, e.title, e.body])).toEqual(
        [['6123456:result', 'result', '1st XI · Result', 'Cleckheaton WON BY 8 WICKETS']],
      );
    });

    it('tells nothing before the start, then every moment from the first ball on (the start first)', () => {
      const before = applyRules(undefined, scorecard({ seq: 0, status: 'not-started' }), OPTIONS);
      const firstBall = scorecard({
        seq: 1,
        innings: [scholesAt(0, 1, '0.1', [out('A Deegan', 'b J Thurwell', 0)])],
      });
      expect(before.events).toEqual([]);
      expect(applyRules(before.state, firstBall, OPTIONS).events.map((e) => e.id)).toEqual([
        '6123456:start',
        '6123456:1:wicket:1',
      ]);
    });

    it('tells nothing for a match whose scorecard is open but has no ball yet', () => {
      const card = scorecard({ seq: 1, innings: [innings('Scholes', { runs: 0, wickets: 0, overs: null })] });
      expect(applyRules(undefined, card, OPTIONS).events).toEqual([]);
    });
  });

  describe('wickets', () => {
    it('does not count a batter retiring hurt, whether or not the page marks him out', () => {
      const card = scorecard({
        seq: 1,
        innings: [
          scholesAt(40, 0, '8.0', [
            batter('A Deegan', { runs: 20, howOut: 'retired hurt', out: false }),
            batter('B Clough', { runs: 18, howOut: 'retired hurt', out: true }),
          ]),
        ],
      });
      expect(deliver([card], watching).events).toEqual([]);
    });

    it('does count a batter retired out', () => {
      const card = scorecard({
        seq: 1,
        innings: [scholesAt(40, 1, '8.0', [out('A Deegan', 'retired out', 20)])],
      });
      expect(deliver([card], watching).events.map((e) => e.body)).toEqual([
        'WICKET: A Deegan retired out 20',
      ]);
    });
  });

  describe('innings end', () => {
    const allOut = innings('Scholes', { runs: 104, wickets: 10, overs: '33.4' });

    it('tells an all-out innings once, with the final score instead of an overs update, then the break', () => {
      const cards = [scorecard({ seq: 1, innings: [allOut] }), scorecard({ seq: 2, innings: [allOut] })];
      expect(deliver(cards, watching).events.map((e) => [e.id, e.kind, e.title, e.body])).toEqual([
        ['6123456:1:end', 'innings-end', '1st XI · End of innings', 'Scholes 104 all out (33.4 ov)'],
        [
          '6123456:innings-break',
          'innings-break',
          '1st XI · Innings break',
          'Scholes 104 all out (33.4 ov) · Target 105',
        ],
      ]);
    });

    it('ends an innings when the next one appears (overs used up, or a declaration)', () => {
      const fortyOvers = innings('Scholes', { runs: 212, wickets: 7, overs: '40' });
      const cards = [
        scorecard({ seq: 1, innings: [innings('Scholes', { runs: 209, wickets: 7, overs: '39.5' })] }),
        scorecard({
          seq: 2,
          innings: [fortyOvers, innings('Cleckheaton', { runs: 0, wickets: 0, overs: null })],
        }),
      ];
      const rules = NotificationRules.parse({ oversInterval: 0 });
      expect(deliver(cards, watching, { ...OPTIONS, rules }).events.map((e) => [e.id, e.body])).toEqual([
        ['6123456:1:end', 'Scholes 212/7 (40 ov)'],
        ['6123456:innings-break', 'Scholes 212/7 (40 ov) · Cleckheaton need 213 to win'],
      ]);
    });

    it('ends a declared innings', () => {
      const declared = innings('Scholes', {
        runs: 250,
        wickets: 6,
        overs: '45',
        text: '250 for 6 dec (45 Overs)',
      });
      const rules = NotificationRules.parse({ oversInterval: 0 });
      expect(
        deliver([scorecard({ seq: 1, innings: [declared] })], watching, { ...OPTIONS, rules }).events,
      ).toEqual([
        expect.objectContaining({ id: '6123456:1:end', body: 'Scholes 250/6 dec (45 ov)' }),
        expect.objectContaining({
          id: '6123456:innings-break',
          body: 'Scholes 250/6 dec (45 ov) · Target 251',
        }),
      ]);
    });

    it('ends the last innings with the match, before the result', () => {
      const first = innings('Scholes', { runs: 104, wickets: 10, overs: '33.4' });
      const chasing = scorecard({
        seq: 1,
        innings: [first, innings('Cleckheaton', { runs: 101, wickets: 2, overs: '19.5' })],
      });
      const won = scorecard({
        seq: 2,
        status: 'complete',
        result: 'Cleckheaton WON BY 8 WICKETS',
        innings: [first, innings('Cleckheaton', { runs: 105, wickets: 2, overs: '20.1' })],
      });
      const { state } = applyRules(undefined, chasing, OPTIONS);
      expect(deliver([won], state).events.map((e) => [e.id, e.body])).toEqual([
        ['6123456:2:end', 'Cleckheaton 105/2 (20.1 ov)'],
        ['6123456:result', 'Cleckheaton WON BY 8 WICKETS'],
      ]);
    });
  });

  describe('the result', () => {
    it('is told once, however often the finished scorecard is refreshed', () => {
      const finished = (seq: number) => scorecard({ seq, status: 'complete', result: 'MATCH ABANDONED' });
      expect(deliver([finished(1), finished(2), finished(3)], watching).events.map((e) => e.id)).toEqual([
        '6123456:result',
      ]);
    });
  });

  describe('configurable rules', () => {
    const card = (seq: number, wickets: number) =>
      scorecard({
        seq,
        innings: [
          scholesAt(
            80,
            wickets,
            '15.0',
            [
              deegan(80),
              ...Array.from({ length: wickets }, (_, i) => out(`Batter ${i + 1}`, 'b J Thurwell', i)),
            ],
            { bowling: [bowler('J Thurwell', { overs: '7', wickets })] },
          ),
        ],
      });

    it('follows the configured overs interval and milestones', () => {
      const rules = NotificationRules.parse({
        oversInterval: 5,
        battingMilestones: [75],
        bowlingMilestones: [3],
      });
      expect(deliver([card(1, 3)], watching, { ...OPTIONS, rules }).events.map((e) => e.id)).toEqual([
        '6123456:1:wicket:1',
        '6123456:1:wicket:2',
        '6123456:1:wicket:3',
        '6123456:1:bat:a-deegan:75',
        '6123456:1:bowl:j-thurwell:3',
        '6123456:1:overs:15',
      ]);
    });

    it('tells nothing a rule turns off, and does not replay it if the rule is turned back on', () => {
      const off = NotificationRules.parse({
        oversInterval: 0,
        wickets: false,
        battingMilestones: [],
        bowlingMilestones: [],
        inningsEnd: false,
        result: false,
      });
      const silent = deliver([card(1, 1)], watching, { ...OPTIONS, rules: off });
      expect(silent.events).toEqual([]);
      expect(deliver([card(2, 2)], silent.state).events.map((e) => e.id)).toEqual([
        '6123456:1:wicket:2',
        '6123456:1:bat:a-deegan:50',
        '6123456:1:overs:10',
      ]);
    });
  });

  describe('titles', () => {
    it("put the club's short name before the team label when it is given", () => {
      const card = scorecard({
        seq: 1,
        innings: [scholesAt(44, 1, '6.2', [out('A Deegan', 'b J Thurwell', 20)])],
      });
      const { events } = deliver([card], watching, { ...OPTIONS, clubName: 'Cleckheaton' });
      expect(events.map((e) => e.title)).toEqual(['Cleckheaton 1st XI · Wicket']);
    });
  });

  it('returns a state that survives a round trip through storage', () => {
    const { state } = applyRules(
      undefined,
      scorecard({ seq: 3, innings: [scholesAt(60, 0, '10.0')] }),
      OPTIONS,
    );
    const stored = JSON.parse(JSON.stringify(state)) as unknown;
    expect(RulesState.parse(stored)).toEqual(state);
    expect(JSON.stringify(state).length).toBeLessThan(300);
  });
});
