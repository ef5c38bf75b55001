import { describe, expect, it } from 'vitest';
import type { Batter, Bowler, Innings, Scorecard } from '@live-scores/schema';
import { parseMatchPage, parseScorecardHtml } from './match-page.ts';
import { readTestPage } from './test-pages.ts';

const SITE = 'https://bradfordcl.play-cricket.com/website/results';
const CAPTURED_AT = '2025-06-14T14:05:00.000Z';

function parsePage(name: string, teamId = 'firstTeam'): Scorecard {
  return parseMatchPage(readTestPage(name), { teamId, capturedAt: CAPTURED_AT });
}

/** A batting row: figures are runs, balls, minutes, fours, sixes, strike rate. */
function batter(
  name: string,
  howOut: string,
  out: boolean,
  figures?: [number, number, number, number, number, number],
): Batter {
  const [runs, balls, minutes, fours, sixes, strikeRate] = figures ?? [null, null, null, null, null, null];
  return { name, howOut, out, runs, balls, minutes, fours, sixes, strikeRate };
}

/** A bowling row: overs, maidens, runs, wickets, wides, no-balls, economy. */
function bowler(
  name: string,
  overs: string,
  maidens: number,
  runs: number,
  wickets: number,
  wides: number,
  noBalls: number,
  economy: number,
): Bowler {
  return { name, overs, maidens, runs, wickets, wides, noBalls, economy };
}

const yetToBat = (name: string) => batter(name, '', false);
const didNotBat = (name: string) => batter(name, 'did not bat', false);

describe('parseMatchPage on a completed match won by wickets (whole saved page)', () => {
  const scorecard = parsePage('07-won-by-wickets.html');

  it('takes the match id and URL from the canonical link, and the caller’s team and capture time', () => {
    expect(scorecard).toMatchObject({
      schemaVersion: 1,
      matchId: '6123456',
      teamId: 'firstTeam',
      url: `${SITE}/6123456`,
      capturedAt: CAPTURED_AT,
      seq: 0,
    });
  });

  it('is complete, with the winner named without " CC - 1st XI"', () => {
    expect(scorecard.status).toBe('complete');
    expect(scorecard.result).toBe('Cleckheaton WON BY 8 WICKETS');
  });

  it('reads the first innings: an all-out total, every dismissal and every bowler', () => {
    expect(scorecard.innings[0]).toEqual<Innings>({
      team: 'Scholes',
      batting: [
        batter('S Mahmood', 'ct A Deegan b J Thurwell', true, [37, 52, 61, 5, 1, 71.15]),
        batter('R Patel', 'lbw b J Thurwell', true, [4, 11, 14, 1, 0, 36.36]),
        batter('T Hirst', 'b M Ellis', true, [12, 20, 25, 2, 0, 60]),
        batter('D Walker', 'ct K Bhatti b M Ellis', true, [0, 3, 4, 0, 0, 0]),
        batter('A Khan', 'run out (A Deegan)', true, [18, 30, 33, 2, 0, 60]),
        batter('J Sykes', 'st K Bhatti b S Ahmed', true, [9, 15, 18, 1, 0, 60]),
        batter('P Gill', 'b J Thurwell', true, [6, 12, 14, 1, 0, 50]),
        batter('N Shaw', 'ct S Ahmed b J Thurwell', true, [2, 8, 9, 0, 0, 25]),
        batter('L Briggs', 'not out', false, [5, 14, 20, 0, 0, 35.71]),
        batter('C Mellor', 'b J Thurwell', true, [0, 2, 2, 0, 0, 0]),
        batter('W Foster', 'lbw b S Ahmed', true, [2, 5, 6, 0, 0, 40]),
      ],
      extras: 9,
      total: { runs: 104, wickets: 10, overs: '33.4', text: '104 all out (33.4 Overs, 142 mins)' },
      fallOfWickets:
        '1-8 (2.3), 2-31 (9.1), 3-33 (10.2), 4-60 (17.4), 5-75 (22.1), 6-86 (25.5), 7-93 (28.3), 8-97 (30.1), 9-99 (31.2), 10-104 (33.4)',
      bowling: [
        bowler('J Thurwell', '10.4', 2, 36, 5, 1, 0, 3.38),
        bowler('M Ellis', '10', 1, 30, 2, 2, 1, 3),
        bowler('S Ahmed', '8', 0, 22, 2, 0, 0, 2.75),
        bowler('R Brook', '5', 0, 11, 0, 0, 0, 2.2),
      ],
    });
  });

  it('reads the winning chase, with did-not-bat rows carrying no figures', () => {
    expect(scorecard.innings[1]).toEqual<Innings>({
      team: 'Cleckheaton',
      batting: [
        batter('A Deegan', 'ct T Hirst b L Briggs', true, [22, 30, 35, 3, 0, 73.33]),
        batter('H Shah', 'not out', false, [51, 68, 98, 7, 1, 75]),
        batter('K Bhatti', 'b W Foster', true, [14, 20, 28, 2, 0, 70]),
        batter('M Ellis', 'not out', false, [11, 19, 30, 1, 0, 57.89]),
        ...['S Ahmed', 'R Brook', 'J Thurwell', 'T Lee', 'D Moran', 'P Hardy', 'G Nash'].map(didNotBat),
      ],
      extras: 7,
      total: { runs: 105, wickets: 2, overs: '24.3', text: '105 for 2 (24.3 Overs, 98 mins)' },
      fallOfWickets: '1-41 (9.4), 2-70 (15.2)',
      bowling: [
        bowler('L Briggs', '8', 1, 30, 1, 1, 0, 3.75),
        bowler('W Foster', '7.3', 0, 28, 1, 2, 0, 3.73),
        bowler('C Mellor', '5', 0, 25, 0, 0, 1, 5),
        bowler('A Khan', '4', 0, 19, 0, 0, 0, 4.75),
      ],
    });
  });
});

describe('parseMatchPage through a match day', () => {
  it('reads a page before scoring starts as not started, with no innings', () => {
    expect(parsePage('01-before-scoring.html')).toEqual<Scorecard>({
      schemaVersion: 1,
      matchId: '6123401',
      teamId: 'firstTeam',
      url: `${SITE}/6123401`,
      capturedAt: CAPTURED_AT,
      seq: 0,
      status: 'not-started',
      result: null,
      innings: [],
    });
  });

  it('reads the first ball: one dot ball faced, the non-striker yet to face', () => {
    expect(parsePage('02-first-ball.html')).toEqual<Scorecard>({
      schemaVersion: 1,
      matchId: '6123402',
      teamId: 'firstTeam',
      url: `${SITE}/6123402`,
      capturedAt: CAPTURED_AT,
      seq: 0,
      status: 'in-progress',
      result: null,
      innings: [
        {
          team: 'Cleckheaton',
          batting: [
            batter('A Deegan', 'not out', false, [0, 1, 1, 0, 0, 0]),
            batter('H Shah', 'not out', false),
          ],
          extras: 0,
          total: { runs: 0, wickets: 0, overs: '0.1', text: '0 for 0 (0.1 Overs, 1 mins)' },
          fallOfWickets: '',
          bowling: [bowler('R Gledhill', '0.1', 0, 0, 0, 0, 0, 0)],
        },
      ],
    });
  });

  it('reads an early innings with no wicket yet and no fall-of-wickets block', () => {
    const [innings] = parsePage('03-early-no-wicket.html').innings;
    expect(innings?.total).toEqual({
      runs: 23,
      wickets: 0,
      overs: '5.2',
      text: '23 for 0 (5.2 Overs, 22 mins)',
    });
    expect(innings?.fallOfWickets).toBe('');
    expect(innings?.batting.map((b) => [b.name, b.runs, b.out])).toEqual([
      ['A Deegan', 12, false],
      ['H Shah', 8, false],
    ]);
    expect(innings?.bowling.map((b) => [b.name, b.overs, b.runs])).toEqual([
      ['R Gledhill', '3', 13],
      ['B Ali', '2.2', 9],
    ]);
  });

  it('reads mid-innings: batters in, batters out and batters yet to bat', () => {
    const scorecard = parsePage('04-mid-innings.html');
    expect(scorecard.status).toBe('in-progress');
    const [innings] = scorecard.innings;
    expect(innings?.team).toBe('Pudsey St Lawrence');
    expect(innings?.total).toEqual({
      runs: 176,
      wickets: 4,
      overs: '38.2',
      text: '176 for 4 (38.2 Overs, 164 mins)',
    });
    expect(innings?.extras).toBe(11);
    expect(innings?.batting.slice(4)).toEqual([
      batter('I Haigh', 'not out', false, [28, 35, 48, 3, 0, 80]),
      batter('Y Butt', 'not out', false, [13, 12, 15, 1, 1, 108.33]),
      ...['M Crabtree', 'R Dobson', 'K Iqbal', 'T Pickles', 'S Fearnley'].map(yetToBat),
    ]);
    expect(innings?.fallOfWickets).toBe('1-12 (3.4), 2-58 (14.1), 3-101 (24.5), 4-150 (33.3)');
    expect(innings?.bowling).toHaveLength(5);
  });

  it('reads the innings break: an empty status, and a second innings at 0 for 0 with no overs', () => {
    const scorecard = parsePage('05-innings-break.html');
    expect(scorecard.status).toBe('in-progress');
    expect(scorecard.result).toBeNull();
    expect(scorecard.innings.map((i) => [i.team, i.total])).toEqual([
      ['Woodlands', { runs: 187, wickets: 9, overs: '50', text: '187 for 9 (50 Overs, 200 mins)' }],
      ['Cleckheaton', { runs: 0, wickets: 0, overs: null, text: '0 for 0' }],
    ]);
    expect(scorecard.innings[1]).toMatchObject({
      batting: [yetToBat('A Deegan'), yetToBat('H Shah')],
      extras: 0,
      fallOfWickets: '',
      bowling: [],
    });
  });

  it('reads a second-innings chase against a "212/7" total', () => {
    const scorecard = parsePage('06-second-innings-chase.html', 'secondTeam');
    expect(scorecard).toMatchObject({
      matchId: '6123406',
      teamId: 'secondTeam',
      status: 'in-progress',
      result: null,
    });
    expect(scorecard.innings.map((i) => [i.team, i.total.runs, i.total.wickets, i.total.overs])).toEqual([
      ['Farsley', 212, 7, '50'],
      ['Cleckheaton', 88, 2, '20.1'],
    ]);
    expect(scorecard.innings[0]?.batting.slice(-2)).toEqual([didNotBat('C Booth'), didNotBat('E Lumb')]);
    expect(scorecard.innings[1]?.batting[0]).toEqual(
      batter('T Lee', 'ct N Exley b O Dyson', true, [15, 22, 25, 2, 0, 68.18]),
    );
    expect(scorecard.innings[1]?.bowling.at(-1)).toEqual(bowler('W Senior', '3.1', 0, 18, 0, 0, 0, 5.68));
  });
});

describe('parseMatchPage on results', () => {
  it('names the other club when it won by runs', () => {
    const scorecard = parsePage('08-won-by-runs.html', 'secondTeam');
    expect(scorecard.status).toBe('complete');
    expect(scorecard.result).toBe('Hanging Heaton WON BY 35 RUNS');
    expect(scorecard.innings.map((i) => i.total)).toEqual([
      { runs: 212, wickets: 7, overs: '50', text: '212-7 (50 Overs, 205 mins)' },
      { runs: 177, wickets: 10, overs: '44.2', text: '177 all out (44.2 Overs, 170 mins)' },
    ]);
    expect(scorecard.innings[1]?.batting[6]).toEqual(
      batter('R Moss', 'run out (Z Roe)', true, [8, 12, 15, 1, 0, 66.67]),
    );
  });

  it('gives a tie as the bare words, with no winner', () => {
    const scorecard = parsePage('09-tied.html');
    expect(scorecard.status).toBe('complete');
    expect(scorecard.result).toBe('MATCH TIED');
    expect(scorecard.innings.map((i) => i.total.text)).toEqual([
      '150 for 8 (50 Overs)',
      '150 all out (47.1 Overs)',
    ]);
  });

  it('gives an abandonment as the bare words, keeping the innings played so far', () => {
    const scorecard = parsePage('10-abandoned.html', 'secondTeam');
    expect(scorecard.status).toBe('complete');
    expect(scorecard.result).toBe('MATCH ABANDONED');
    expect(scorecard.innings).toHaveLength(1);
    expect(scorecard.innings[0]?.total).toEqual({
      runs: 45,
      wickets: 1,
      overs: '12',
      text: '45 for 1 (12 Overs, 50 mins)',
    });
  });
});

describe('parseMatchPage on odd markup', () => {
  const scorecard = parsePage('11-odd-markup.html');
  const [first, second] = scorecard.innings;

  it('finds the header by its classes in any order, and reads spread-out status words', () => {
    expect(scorecard.status).toBe('complete');
    expect(scorecard.result).toBe('Cleckheaton WON BY 3 WICKETS');
  });

  it('reads innings inside extra wrappers, decoding entities and odd whitespace in names and figures', () => {
    expect(first?.team).toBe('Bradford & Bingley');
    expect(first?.batting[0]).toEqual(
      batter("P O'Neill", 'ct A Deegan b J Thurwell', true, [26, 38, 44, 3, 0, 68.42]),
    );
    expect(first?.batting[4]?.howOut).toBe('ct & b R Brook');
    expect(first?.batting[8]?.howOut).toBe('hit wicket b M Ellis');
  });

  it('tolerates a missing fall-of-wickets block and an all-out total without overs', () => {
    expect(first?.fallOfWickets).toBe('');
    expect(first?.total).toEqual({ runs: 140, wickets: 10, overs: null, text: '140 all out' });
  });

  it('keeps an already-bracketed run-out fielder as printed', () => {
    expect(first?.batting[5]?.howOut).toBe('run out (H Shah)');
  });

  it('skips a heading row among the bowlers', () => {
    expect(first?.bowling.map((b) => b.name)).toEqual([
      'J Thurwell',
      'M Ellis',
      'S Ahmed',
      'R Brook',
      'T Lee',
    ]);
  });

  it('keeps a retired-hurt batter as not out, and reads a plain-text did-not-bat row with dashes', () => {
    expect(second?.batting[1]).toEqual(batter('H Shah', 'retired hurt', false, [25, 30, 40, 4, 0, 83.33]));
    expect(second?.batting[10]).toEqual(didNotBat('G Nash'));
  });

  it('takes extras and total by their labels whatever their order, ignoring the extras breakdown', () => {
    expect(second?.extras).toBe(6);
    expect(second?.total).toEqual({
      runs: 141,
      wickets: 7,
      overs: '35.4',
      text: '141-7 (35.4 Overs, 150 mins)',
    });
  });
});

describe('parseScorecardHtml (the scraper’s header + scorecard fragments)', () => {
  const page = readTestPage('12-fragments-only.html');
  const split = page.indexOf('<div id="nvScorecardTab"');
  const message = {
    matchId: '6123412',
    teamId: 'secondTeam',
    url: `${SITE}/6123412`,
    capturedAt: CAPTURED_AT,
    seq: 41,
    headerHtml: page.slice(0, split),
    scorecardHtml: page.slice(split),
  };

  it('keeps the message’s match, team, URL, capture time and seq', () => {
    expect(parseScorecardHtml(message)).toMatchObject({
      matchId: '6123412',
      teamId: 'secondTeam',
      url: `${SITE}/6123412`,
      capturedAt: CAPTURED_AT,
      seq: 41,
      status: 'in-progress',
      result: null,
    });
  });

  it('reads the innings in full', () => {
    expect(parseScorecardHtml(message).innings).toEqual<Innings[]>([
      {
        team: 'Cleckheaton',
        batting: [
          batter('T Lee', 'ct I Dean b J Elam', true, [14, 18, 20, 2, 0, 77.78]),
          batter('B Carr', 'b K Frost', true, [3, 7, 9, 0, 0, 42.86]),
          batter('D Moran', 'not out', false, [22, 30, 40, 3, 0, 73.33]),
          batter('P Hardy', 'lbw b K Frost', true, [9, 12, 14, 1, 0, 75]),
          batter('G Nash', 'not out', false, [7, 9, 10, 1, 0, 77.78]),
        ],
        extras: 6,
        total: { runs: 61, wickets: 3, overs: '15.4', text: '61 for 3 (15.4 Overs, 66 mins)' },
        fallOfWickets: '1-10 (2.4), 2-25 (6.1), 3-47 (12.3)',
        bowling: [
          bowler('J Elam', '6', 0, 22, 1, 1, 0, 3.67),
          bowler('K Frost', '5.4', 1, 20, 2, 0, 1, 3.53),
          bowler('L Grant', '4', 0, 15, 0, 1, 0, 3.75),
        ],
      },
    ]);
  });

  it('takes the match id from the URL given with a fragments-only file', () => {
    const scorecard = parseMatchPage(page, { teamId: 'secondTeam', url: `${SITE}/6123412` });
    expect(scorecard.matchId).toBe('6123412');
    expect(Date.parse(scorecard.capturedAt)).not.toBeNaN();
  });
});
