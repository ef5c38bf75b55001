import type { MatchDay } from '@live-scores/schema';

/** One match a scraper host watches. */
export interface WatchedMatch {
  matchId: string;
  teamId: string;
  url: string;
}

/** A running (or starting) scraper host, as the fleet reports it. */
export interface ScraperHost {
  /** EC2 instance id, or the local host name. */
  id: string;
  date: MatchDay;
  matches: WatchedMatch[];
}

/**
 * The club's scraper hosts: one per club day, each watching several matches in one
 * browser. Hosts are tagged for the club so that `list` (and the evening sweep) finds
 * every one, including hosts a crashed invocation lost track of.
 */
export interface ScraperFleet {
  start(date: MatchDay, matches: WatchedMatch[]): Promise<ScraperHost>;
  /** Adds a match to a running host; a match it already watches is left alone. */
  addMatch(hostId: string, match: WatchedMatch): Promise<void>;
  /** Idempotent: terminating a host that is already gone succeeds. */
  terminate(hostId: string): Promise<void>;
  /** Hosts tagged for the club that are starting or running. */
  list(): Promise<ScraperHost[]>;
}
