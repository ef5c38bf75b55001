import type { FixtureRecord, MatchDay } from '@live-scores/schema';
import type { Logger } from '../logger.ts';
import type { FixturesTable } from '../ports/fixtures-table.ts';
import type { ScraperFleet, WatchedMatch } from '../ports/scraper-fleet.ts';

export interface RelaunchLiveMatchesDeps {
  fixtures: FixturesTable;
  fleet: ScraperFleet;
  logger: Logger;
}

export type RelaunchOutcome =
  | { kind: 'nothing-live' }
  | { kind: 'relaunched'; hostId: string; matchIds: string[] };

const watched = (f: FixtureRecord): WatchedMatch => ({ matchId: f.matchId, teamId: f.teamId, url: f.url });

/**
 * After a restart, the day's live matches get one new scraper host: a host that lives in the
 * runtime's process did not survive it. Every live match is assigned to the new host, so a
 * launch request redelivered afterwards finds its match watched.
 */
export async function relaunchLiveMatches(
  deps: RelaunchLiveMatchesDeps,
  input: { date: MatchDay },
): Promise<RelaunchOutcome> {
  const live = await deps.fixtures.listLive(input.date);
  if (live.length === 0) return { kind: 'nothing-live' };
  const host = await deps.fleet.start(input.date, live.map(watched));
  for (const fixture of live) await deps.fixtures.assignHost(fixture.date, fixture.matchId, host.id);
  const matchIds = live.map((f) => f.matchId);
  deps.logger.info('scraper relaunched for live matches after a restart', { hostId: host.id, matchIds });
  return { kind: 'relaunched', hostId: host.id, matchIds };
}
