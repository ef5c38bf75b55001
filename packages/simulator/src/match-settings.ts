import { z } from 'zod';

/** Results the engine can be told to produce; anything else is played out naturally. */
export const ForcedOutcome = z.enum(['tie', 'abandoned', 'no-result']);
export type ForcedOutcome = z.infer<typeof ForcedOutcome>;

export const SideSettings = z.object({
  /** The club as the site names it, e.g. "Scholes CC". */
  club: z.string().trim().min(1),
  /** The team as the fixtures page and header show it, e.g. "Scholes CC - 1st XI". */
  text: z.string().trim().min(1),
});
export type SideSettings = z.infer<typeof SideSettings>;

export const MatchSettings = z.object({
  seed: z.union([z.string().min(1), z.number().int()]),
  home: SideSettings,
  away: SideSettings,
  oversPerSide: z.number().int().min(1).max(50).default(50),
  outcome: ForcedOutcome.optional(),
});
export type MatchSettings = z.infer<typeof MatchSettings>;
export type MatchSettingsInput = z.input<typeof MatchSettings>;
