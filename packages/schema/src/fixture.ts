import { z } from 'zod';
import { HttpUrl, IsoDateTime, MatchId, TeamId } from './ids.ts';

/** A calendar day "YYYY-MM-DD" (the match day in the club's time zone). */
export const MatchDay = z.iso.date({ error: 'expected a day like "2025-06-14"' });
export type MatchDay = z.infer<typeof MatchDay>;

/** One of the day's matches for a club team, as find-fixtures discovered it. */
export const Fixture = z.object({
  date: MatchDay,
  matchId: MatchId,
  teamId: TeamId,
  url: HttpUrl,
});
export type Fixture = z.infer<typeof Fixture>;

export const FixtureStatus = z.enum(['live', 'complete']);
export type FixtureStatus = z.infer<typeof FixtureStatus>;

/**
 * A fixture as the fixtures table keeps it (and as its change stream carries it): the
 * fixture plus what the pipeline has learnt since. `hostId` names the scraper host
 * watching the match, once one was launched.
 */
export const FixtureRecord = Fixture.extend({
  status: FixtureStatus,
  hostId: z.string().min(1).nullable(),
  discoveredAt: IsoDateTime,
  completedAt: IsoDateTime.nullable(),
});
export type FixtureRecord = z.infer<typeof FixtureRecord>;
