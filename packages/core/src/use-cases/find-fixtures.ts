import { parseFixturesPage } from '@live-scores/parser';
import type { Fixture, TeamConfig } from '@live-scores/schema';
import type { Logger } from '../logger.ts';
import { matchDay } from '../match-day.ts';
import type { Clock } from '../ports/clock.ts';
import type { FixturesTable } from '../ports/fixtures-table.ts';
import type { RenderedPage } from '../ports/rendered-page.ts';

export interface FindFixturesDeps {
  page: RenderedPage;
  fixtures: FixturesTable;
  clock: Clock;
  logger: Logger;
}

export interface FindFixturesOptions {
  /** The club's time zone: today is the match day there. */
  timeZone: string;
  league: { baseUrl: string; fixturesPath: string };
  teams: TeamConfig[];
}

export interface FindFixturesResult {
  /** Every club match on today's fixtures page. */
  found: Fixture[];
  /** The ones this run recorded for the first time (each launches a scraper once). */
  recorded: Fixture[];
}

/**
 * Reads the league's fixtures page and records today's club matches. Safe to run many
 * times a day: the table's conditional put records each match once, and only that first
 * record starts a scraper.
 */
export async function findFixtures(
  deps: FindFixturesDeps,
  options: FindFixturesOptions,
): Promise<FindFixturesResult> {
  const fixturesUrl = new URL(options.league.fixturesPath, options.league.baseUrl).toString();
  const html = await deps.page.fetchHtml(fixturesUrl, { acceptCookies: true });
  const date = matchDay(deps.clock.now(), options.timeZone);
  const found = parseFixturesPage(html, { baseUrl: options.league.baseUrl, teams: options.teams }).map(
    (match): Fixture => ({ date, matchId: match.matchId, teamId: match.teamId, url: match.url }),
  );
  const recorded: Fixture[] = [];
  for (const fixture of found) {
    if (await deps.fixtures.putIfNew(fixture)) recorded.push(fixture);
  }
  deps.logger.info('fixtures found', {
    date,
    found: found.map((f) => f.matchId),
    recorded: recorded.map((f) => f.matchId),
  });
  return { found, recorded };
}
