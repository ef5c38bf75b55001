import type { ConfigFileInput } from '@live-scores/schema';

/**
 * The club the demo plays: its league site is the simulator on loopback, so the
 * league URL is filled in once the simulator knows its port.
 */
export function demoConfig(leagueBaseUrl: string, fixturesPath: string): ConfigFileInput {
  return {
    club: { name: 'Cleckheaton CC', shortName: 'Cleckheaton', slug: 'cleckheaton-demo' },
    league: { baseUrl: leagueBaseUrl, fixturesPath },
    teams: [
      { id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' },
      { id: 'secondTeam', label: '2nd XI', fixturesText: 'Cleckheaton CC - 2nd XI' },
    ],
    // The demo runs whenever it is started, not only on summer weekends.
    schedule: {
      timeZone: 'Europe/London',
      findFixtures: 'cron(* * * * ? *)',
      sweepScrapers: 'cron(0 21 * * ? *)',
    },
    push: { vapidSubject: 'mailto:scores@cleckheatoncc.co.uk' },
    // The simulated day runs many times faster than a real one, so the scraper looks for
    // the start of play every few seconds instead of every few minutes.
    scraper: { tabPollSeconds: { min: 5, max: 20 } },
  };
}
