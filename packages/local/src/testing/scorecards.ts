import type { Scorecard } from '@live-scores/schema';

/** A scorecard of match 6123456 for the first team, varied where a test needs it. */
export function scorecard(overrides: Partial<Scorecard> = {}): Scorecard {
  return {
    schemaVersion: 1,
    matchId: '6123456',
    teamId: 'firstTeam',
    url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
    capturedAt: '2025-06-14T13:00:00.000Z',
    seq: 1,
    status: 'in-progress',
    result: null,
    innings: [],
    ...overrides,
  };
}

/** Shuffled deterministically, so a failure reproduces. */
export function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const TEST_PAGES_DIR = new URL('../../../parser/test-pages/', import.meta.url);
