import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { MatchState, MatchTimeline } from './match.ts';
import { playMatch } from './match.ts';
import { renderMatchPage } from './pages.ts';
import { matchUpdate } from './render-match.ts';
import { truthScorecard } from './truth.ts';

const home = { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' };
const away = { club: 'Scholes CC', text: 'Scholes CC - 1st XI' };
const context = {
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'http://127.0.0.1/website/results/6123456',
  capturedAt: '2025-06-07T14:00:00.000Z',
};

function page(timeline: MatchTimeline, state: MatchState, cookiesAccepted = true) {
  return cheerio.load(
    renderMatchPage(matchUpdate('6123456', timeline, state), { cookiesAccepted, title: 'Match' }),
  );
}

const cellText = ($: cheerio.CheerioAPI, row: cheerio.Cheerio<never>, name: string) =>
  $(row).find(`.nvp-scorecard__${name}`).text();

describe('the rendered match page', () => {
  const timeline = playMatch({ seed: 12, home, away });
  const last = timeline.states[timeline.states.length - 1]!;

  it('has no scorecard tab before the first ball, an empty status, and the cookie banner until accepted', () => {
    const $ = page(timeline, timeline.states[0]!, false);
    expect($('#nvScorecardTab-tab')).toHaveLength(0);
    expect($('#nvScorecardTab')).toHaveLength(0);
    expect($('.container.main-header .match-status').text()).toBe('');
    expect($('.container.main-header span').first().text()).toBe('Cleckheaton CC - 1st XI');
    expect($('button').filter((_, b) => $(b).text() === 'ACCEPT')).toHaveLength(1);
    expect(page(timeline, timeline.states[0]!, true)('button')).toHaveLength(0);
  });

  it('prints each batter and bowler with the figures of the ground truth', () => {
    const state = timeline.states[150]!;
    const truth = truthScorecard(timeline, state, context).innings[0]!;
    const $ = page(timeline, state);
    expect($('#nvScorecardTab-tab').text()).toBe('Scorecard');
    expect($('.match-status').text()).toBe('IN PROGRESS');
    expect(
      $('.nvp-innings__tab-team')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual([state.innings[0]!.club]);
    const [batting, ...rest] = $('.nvp-innings__tab-content').first().find('.nvp-scorecard__table').toArray();
    const rows = $(batting).find('.nvp-scorecard__table-row').toArray();
    expect(rows).toHaveLength(11);
    rows.forEach((row, i) => {
      const b = truth.batting[i]!;
      expect($(row).find('.nvp-scorecard__batsmen').text()).toBe(b.name);
      expect(cellText($, row as never, 'runs')).toBe(b.runs === null ? '' : String(b.runs));
      expect(cellText($, row as never, 'balls')).toBe(b.balls === null ? '' : String(b.balls));
      expect(cellText($, row as never, 'strikerate')).toBe(
        b.strikeRate === null ? '' : b.strikeRate.toFixed(2),
      );
      const howOut = $(row)
        .find('.nvp-scorecard__event > *')
        .map((_, part) => [
          $(part).find('.nvp-scorecard__event_icon').text(),
          $(part).find('.nvp-scorecard__event_copy').text(),
        ])
        .get()
        .filter(Boolean)
        .join(' ');
      expect(howOut).toBe(b.howOut);
    });
    const bottom = $(batting).find('.nvp-scorecard__bottom-info--right').children();
    expect(bottom.eq(0).find('span').text()).toBe(String(truth.extras));
    expect(bottom.eq(1).find('span').text()).toBe(truth.total.text);
    const bowling = rest[rest.length - 1];
    expect(
      $(bowling)
        .find('.nvp-scorecard__bowler')
        .map((_, b) => $(b).text())
        .get(),
    ).toEqual(truth.bowling.map((b) => b.name));
    expect(
      $(bowling)
        .find('.nvp-scorecard__overs')
        .map((_, b) => $(b).text())
        .get(),
    ).toEqual(truth.bowling.map((b) => b.overs));
  });

  it('adds the fall of wickets block only once a wicket has fallen', () => {
    const beforeWicket = timeline.states.find(
      (s) => s.innings[0] && s.innings[0].wickets === 0 && s.innings[0].legalBalls > 3,
    )!;
    const afterWicket = timeline.states.find((s) => s.innings[0]?.wickets === 1)!;
    expect(page(timeline, beforeWicket)('.nvp-scorecard__fall')).toHaveLength(0);
    expect(page(timeline, afterWicket)('.nvp-scorecard__fall p').text()).toMatch(/^1-\d+ \(\d+(\.\d)?\)$/);
  });

  it('shows the result words with the winning club in the first child of the status line', () => {
    const $ = page(timeline, last);
    const status = $('.match-status');
    expect(status.text()).toMatch(/^WON BY \d+ (RUNS?|WICKETS?)$/);
    expect(status.parent().children().first().text()).toBe(
      last.result!.winner === 'home' ? 'Cleckheaton CC' : 'Scholes CC',
    );
    expect($('.nvp-innings__tab-content')).toHaveLength(2);
    expect($('.nvp-scorecard__bottom-info--right span').eq(1).text()).toMatch(/^\d+ (all out|for \d) \(/);
  });

  it('says MATCH TIED and MATCH ABANDONED with no winner', () => {
    for (const [outcome, words] of [
      ['tie', 'MATCH TIED'],
      ['abandoned', 'MATCH ABANDONED'],
    ] as const) {
      const t = playMatch({ seed: 2, home, away, outcome });
      const $ = page(t, t.states[t.states.length - 1]!);
      expect($('.match-status').text()).toBe(words);
      expect($('.team-won').text()).toBe('');
    }
  });

  it('escapes club and player names', () => {
    const t = playMatch({
      seed: 9,
      home: { club: 'Smith & <Sons> CC', text: 'Smith & <Sons> CC - 1st XI' },
      away,
    });
    const html = renderMatchPage(matchUpdate('1', t, t.states[5]!), {
      cookiesAccepted: true,
      title: 'a <b>',
    });
    expect(html).not.toContain('<Sons>');
    expect(cheerio.load(html)('.container.main-header span').first().text()).toBe(
      'Smith & <Sons> CC - 1st XI',
    );
  });
});

describe('matchUpdate', () => {
  it('changes only the parts a ball changed: a second-innings ball leaves the first innings alone', () => {
    const timeline = playMatch({ seed: 12, home, away });
    const i = timeline.states.findIndex((s) => s.innings.length === 2) + 5;
    const before = matchUpdate('1', timeline, timeline.states[i]!);
    const after = matchUpdate('1', timeline, timeline.states[i + 1]!);
    const hash = (u: typeof before, key: string) => u.scorecard!.find((p) => p.key === key)!.hash;
    expect(hash(after, 'innings-0')).toBe(hash(before, 'innings-0'));
    expect(hash(after, 'innings-tabs')).toBe(hash(before, 'innings-tabs'));
    expect(hash(after, 'innings-1')).not.toBe(hash(before, 'innings-1'));
    expect(matchUpdate('1', timeline, timeline.states[0]!).scorecard).toBeNull();
  });
});
