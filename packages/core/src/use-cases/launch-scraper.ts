import type { Fixture, FixtureRecord } from '@live-scores/schema';
import type { Logger } from '../logger.ts';
import type { FixturesTable } from '../ports/fixtures-table.ts';
import type { ScraperFleet, WatchedMatch } from '../ports/scraper-fleet.ts';

export interface LaunchScraperDeps {
  fixtures: FixturesTable;
  fleet: ScraperFleet;
  logger: Logger;
}

export type LaunchOutcome =
  | { kind: 'launched'; hostId: string; matchIds: string[] }
  | { kind: 'joined'; hostId: string }
  | { kind: 'already-watched'; hostId: string }
  | { kind: 'already-complete' }
  | { kind: 'unknown-match' };

/**
 * A new fixture → a scraper host watching it. One host per club day:
 *
 * - If the fixture already has a host (a redelivered event), nothing happens.
 * - If a host for the day is running, the match joins it (`fleet.addMatch`; how a running
 *   host learns of it is the fleet adapter's mechanism).
 * - Otherwise one host is started for every live fixture of the day that has no host yet,
 *   and each is assigned to it, so the other new fixtures of the same find-fixtures run
 *   find their host recorded and are no-ops.
 *
 * Events are expected one at a time per table (a stream shard's batches run in order), so
 * two starts never race; a crash between start and assignment is repaired on retry, when
 * the running host is found and the match joins it.
 */
export async function launchScraper(deps: LaunchScraperDeps, fixture: Fixture): Promise<LaunchOutcome> {
  const log = { matchId: fixture.matchId, teamId: fixture.teamId, date: fixture.date };
  const current = await deps.fixtures.get(fixture.date, fixture.matchId);
  if (!current) {
    deps.logger.warn('fixture not in the table; not launching', log);
    return { kind: 'unknown-match' };
  }
  if (current.status === 'complete') return { kind: 'already-complete' };
  if (current.hostId) return { kind: 'already-watched', hostId: current.hostId };

  const running = (await deps.fleet.list()).find((host) => host.date === fixture.date);
  if (running) {
    await deps.fleet.addMatch(running.id, watched(current));
    await deps.fixtures.assignHost(fixture.date, fixture.matchId, running.id);
    deps.logger.info('match joined the running scraper host', { ...log, hostId: running.id });
    return { kind: 'joined', hostId: running.id };
  }

  const unwatched = (await deps.fixtures.listLive(fixture.date)).filter((f) => !f.hostId);
  const matches = unwatched.some((f) => f.matchId === current.matchId) ? unwatched : [...unwatched, current];
  const host = await deps.fleet.start(fixture.date, matches.map(watched));
  for (const match of matches) await deps.fixtures.assignHost(fixture.date, match.matchId, host.id);
  const matchIds = matches.map((m) => m.matchId);
  deps.logger.info('scraper host launched', { ...log, hostId: host.id, matchIds });
  return { kind: 'launched', hostId: host.id, matchIds };
}

function watched(fixture: FixtureRecord): WatchedMatch {
  return { matchId: fixture.matchId, teamId: fixture.teamId, url: fixture.url };
}
