import { z } from 'zod';

/** The source site's match id: the digits at the end of the match URL. */
export const MatchId = z.string().regex(/^\d{1,12}$/, 'expected the digits of a match id, e.g. "6123456"');
export type MatchId = z.infer<typeof MatchId>;

/** A club team's configured id, e.g. `firstTeam`. Safe in file names, keys and URLs. */
export const TeamId = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]{0,39}$/,
    'expected a team id of letters, digits, "-" or "_", e.g. "firstTeam"',
  );
export type TeamId = z.infer<typeof TeamId>;

export const IsoDateTime = z.iso.datetime({ offset: true });

export const HttpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
