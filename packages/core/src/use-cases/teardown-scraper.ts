import type { Scorecard } from '@live-scores/schema';
import type { Logger } from '../logger.ts';
import { matchDay } from '../match-day.ts';
import type { Clock } from '../ports/clock.ts';
import type { FixturesTable } from '../ports/fixtures-table.ts';
import type { ScraperFleet } from '../ports/scraper-fleet.ts';
import { isGameOver } from './is-game-over.ts';

export interface TeardownScraperDeps {
  fixtures: FixturesTable;
  fleet: ScraperFleet;
  clock: Clock;
  logger: Logger;
}

export interface TeardownScraperOptions {
  /** The club's time zone: fixtures are kept per match day there. */
  timeZone: string;
}

export type TeardownOutcome =
  | { kind: 'not-final' }
  | { kind: 'unknown-match' }
  | { kind: 'no-host' }
  | { kind: 'host-still-needed'; hostId: string; liveMatchIds: string[] }
  | { kind: 'terminated'; hostId: string };

/**
 * When a match is over, marks it complete and shuts its scraper host down if none of the
 * host's matches is still live.
 *
 * Race-safe without a counter: each invocation first makes its own conditional
 * "complete" write, then reads the host's live matches with a strongly consistent read.
 * When two matches of one host end together, whichever read comes second sees both
 * writes, so at least one invocation terminates the host (both may; terminate is
 * idempotent). A duplicate delivery repeats the check, which also finishes a teardown
 * whose terminate failed the first time.
 */
export async function teardownScraper(
  deps: TeardownScraperDeps,
  scorecard: Scorecard,
  options: TeardownScraperOptions,
): Promise<TeardownOutcome> {
  const log = { matchId: scorecard.matchId, teamId: scorecard.teamId };
  if (!isGameOver(scorecard)) return { kind: 'not-final' };

  const date = matchDay(scorecard.capturedAt, options.timeZone);
  const marked = await deps.fixtures.markComplete(date, scorecard.matchId, deps.clock.now().toISOString());
  if (!marked) {
    deps.logger.warn('finished match is not in the fixtures table', { ...log, date });
    return { kind: 'unknown-match' };
  }
  const hostId = marked.record.hostId;
  if (!hostId) {
    deps.logger.warn('finished match had no scraper host', { ...log, date });
    return { kind: 'no-host' };
  }

  const live = (await deps.fixtures.listLive(date)).filter((f) => f.hostId === hostId);
  if (live.length > 0) {
    const liveMatchIds = live.map((f) => f.matchId);
    deps.logger.info('scraper host still watching live matches', { ...log, hostId, liveMatchIds });
    return { kind: 'host-still-needed', hostId, liveMatchIds };
  }
  await deps.fleet.terminate(hostId);
  deps.logger.info('scraper host terminated', { ...log, hostId, duplicate: !marked.changed });
  return { kind: 'terminated', hostId };
}
