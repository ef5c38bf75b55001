import { describe, expect, it } from 'vitest';
import { parseFixturesPage } from './fixtures-page.ts';
import { readTestPage } from './test-pages.ts';

const options = {
  baseUrl: 'https://bradfordcl.play-cricket.com',
  teams: [
    { id: 'firstTeam', fixturesText: 'Cleckheaton CC - 1st XI' },
    { id: 'secondTeam', fixturesText: 'Cleckheaton CC - 2nd XI' },
  ],
};

describe('parseFixturesPage', () => {
  it('finds the club’s teams at home and away, ignoring other clubs and look-alike names', () => {
    expect(parseFixturesPage(readTestPage('fixtures-saturday.html'), options)).toEqual([
      {
        matchId: '6123456',
        url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
        teamId: 'firstTeam',
      },
      {
        matchId: '6123408',
        url: 'https://bradfordcl.play-cricket.com/website/results/6123408',
        teamId: 'secondTeam',
      },
    ]);
  });

  it('matches team text whatever its whitespace and case, lists a repeated row once, and follows both sides of a derby', () => {
    expect(parseFixturesPage(readTestPage('fixtures-sunday.html'), options)).toEqual([
      {
        matchId: '6123470',
        url: 'https://bradfordcl.play-cricket.com/website/results/6123470',
        teamId: 'firstTeam',
      },
      {
        matchId: '6123471',
        url: 'https://bradfordcl.play-cricket.com/website/results/6123471',
        teamId: 'firstTeam',
      },
      {
        matchId: '6123471',
        url: 'https://bradfordcl.play-cricket.com/website/results/6123471',
        teamId: 'secondTeam',
      },
    ]);
  });

  it('finds nothing for a team that does not play that day', () => {
    const thirdTeam = { ...options, teams: [{ id: 'thirdTeam', fixturesText: 'Cleckheaton CC - 3rd XI' }] };
    expect(parseFixturesPage(readTestPage('fixtures-saturday.html'), thirdTeam)).toEqual([]);
  });

  it('finds nothing on a page with no match rows', () => {
    expect(parseFixturesPage(readTestPage('reject-random-page.html'), options)).toEqual([]);
  });
});
