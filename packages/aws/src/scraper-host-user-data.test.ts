import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { matchesTagValue, parseMatchesTag, scraperHostUserData } from './scraper-host-user-data.ts';

const matches = [
  {
    matchId: '6123456',
    teamId: 'firstTeam',
    url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
  },
  {
    matchId: '6123457',
    teamId: 'secondTeam',
    url: 'https://bradfordcl.play-cricket.com/website/results/6123457',
  },
];
const matchUrl = (id: string): string => `https://bradfordcl.play-cricket.com/website/results/${id}`;

describe('the scraper host boot script', () => {
  it('is valid bash that quotes what it was given', () => {
    const script = scraperHostUserData({
      leagueBaseUrl: "https://example.org/it's/",
      out: 'sqs://https://sqs.eu-west-2.amazonaws.com/1/html',
      region: 'eu-west-2',
      matches,
    });
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    expect(script).toContain(`BASE='https://example.org/it'\\''s'`);
  });

  it('round-trips the matches through the Matches tag', () => {
    expect(matchesTagValue(matches)).toBe('firstTeam:6123456 secondTeam:6123457');
    expect(parseMatchesTag('firstTeam:6123456  secondTeam:6123457 junk', matchUrl)).toEqual(matches);
  });

  it('refuses more matches than a tag value can hold', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      matchId: `61234${i}`,
      teamId: 'aVeryLongTeamIdentifier',
      url: '',
    }));
    expect(() => matchesTagValue(many)).toThrow(/do not fit the Matches tag/);
  });
});
