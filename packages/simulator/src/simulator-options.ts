import { MatchId, TeamConfig } from '@live-scores/schema';
import { z } from 'zod';
import { ForcedOutcome } from './match-settings.ts';

export const DEMO_CLUB = {
  name: 'Cleckheaton CC',
  teams: [
    { id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' },
    { id: 'secondTeam', label: '2nd XI', fixturesText: 'Cleckheaton CC - 2nd XI' },
  ],
};

export const MatchOverride = z.object({
  outcome: ForcedOutcome.optional(),
  /** Real milliseconds after start-up before this match's first ball. */
  startDelayMs: z.number().int().min(0).optional(),
});

export const SimulatorOptions = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(0),
  /**
   * Multiplier over real time: a 50-over match takes about seven hours, so 42 plays one in
   * about ten minutes and 240 in under two. 0 plays nothing until stepped.
   */
  speed: z.number().min(0).max(1_000_000).default(42),
  seed: z.union([z.string().min(1), z.number().int()]).default(1),
  /** Matches the club plays today (its teams in turn, home and away alternately). */
  matches: z.number().int().min(0).max(16).default(2),
  /** Other clubs' matches listed on the fixtures page (and played) too. */
  otherMatches: z.number().int().min(0).max(16).default(2),
  /** Real milliseconds before the first ball, so a scorecard tab can appear late. */
  startDelayMs: z.number().int().min(0).default(0),
  /** Extra real milliseconds before each later match starts. */
  staggerMs: z.number().int().min(0).default(0),
  oversPerSide: z.number().int().min(1).max(50).default(50),
  club: z
    .object({
      name: z.string().trim().min(1).default(DEMO_CLUB.name),
      teams: z.array(TeamConfig).min(1).default(DEMO_CLUB.teams),
    })
    .prefault({}),
  /** Per match, in the order `matches` lists them (the club's first). */
  perMatch: z.array(MatchOverride).default([]),
  fixturesPageId: MatchId.default('315262'),
});
export type SimulatorOptions = z.infer<typeof SimulatorOptions>;
export type SimulatorOptionsInput = z.input<typeof SimulatorOptions>;
