import { NotificationRules, type Batter, type NotificationEvent, type Scorecard } from '@live-scores/schema';

/** Scorecards and events for the delivery use cases' tests: one match, told ball by ball. */

export const MATCH_ID = '6123456';
export const RULES = NotificationRules.parse({});
export const RULE_OPTIONS = { rules: RULES, teamLabel: '1st XI' };

const START = Date.parse('2025-06-14T13:00:00.000Z');

function batter(name: string, runs: number, howOut = 'not out'): Batter {
  return {
    name,
    howOut,
    out: howOut !== 'not out',
    runs,
    balls: runs,
    minutes: null,
    fours: 0,
    sixes: 0,
    strikeRate: null,
  };
}

/** The `seq`-th capture of the first innings with `wickets` down (openers fall in order). */
export function scorecardAt(seq: number, wickets: number, teamId = 'firstTeam'): Scorecard {
  const names = ['A Smith', 'B Jones', 'C Brown', 'D White', 'E Green'];
  const batting = names.map((name, i) =>
    i < wickets
      ? batter(name, 10 + i, `b J Thurwell`)
      : i < wickets + 2
        ? batter(name, 5)
        : { ...batter(name, 0, ''), runs: null, balls: null },
  );
  const runs = 20 + seq * 3;
  return {
    schemaVersion: 1,
    matchId: MATCH_ID,
    teamId,
    url: `https://bradfordcl.play-cricket.com/website/results/${MATCH_ID}`,
    capturedAt: new Date(START + seq * 20_000).toISOString(),
    seq,
    status: 'in-progress',
    result: null,
    innings: [
      {
        team: 'Cleckheaton',
        batting,
        extras: 0,
        total: { runs, wickets, overs: `${seq}`, text: `${runs} for ${wickets} (${seq} Overs)` },
        fallOfWickets: Array.from({ length: wickets }, (_, i) => `${i + 1}-${15 + i}`).join(' '),
        bowling: [],
      },
    ],
  };
}

export function eventOf(
  kind: NotificationEvent['kind'],
  overrides: Partial<NotificationEvent> = {},
): NotificationEvent {
  return {
    id: `${MATCH_ID}:1:${kind}:1`,
    matchId: MATCH_ID,
    teamId: 'firstTeam',
    kind,
    title: '1st XI: wicket',
    body: 'A Smith b J Thurwell 10 — Cleckheaton 26 for 1',
    createdAt: '2025-06-14T13:00:20.000Z',
    ...overrides,
  };
}
