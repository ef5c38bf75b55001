import type { Logger } from '../logger.ts';
import type { ScraperFleet, ScraperHost } from '../ports/scraper-fleet.ts';

/**
 * The evening safety net: terminates every host still tagged for the club (a match whose
 * final scorecard never came, a host a failed teardown left behind) and says which.
 */
export async function sweepScrapers(deps: { fleet: ScraperFleet; logger: Logger }): Promise<ScraperHost[]> {
  const hosts = await deps.fleet.list();
  for (const host of hosts) {
    await deps.fleet.terminate(host.id);
    deps.logger.warn('swept a scraper host still running', {
      hostId: host.id,
      date: host.date,
      matchIds: host.matches.map((m) => m.matchId),
    });
  }
  deps.logger.info('sweep finished', { terminated: hosts.length });
  return hosts;
}
