import { describe, expect, it } from 'vitest';
import { digestFigures, replayedDay, savingBoundPct } from './digest.ts';

describe('the digest over a replayed match day', () => {
  const day = replayedDay(2, 8);

  it.each([90_000, 0])(
    'carries every wanted event exactly once, for every mode, every message delivered twice (window %i ms)',
    async (windowMs) => {
      const figures = await digestFigures(day, windowMs);
      expect(figures.map((f) => f.mode)).toEqual(['everything', 'key-moments', 'results-only']);
      for (const f of figures) {
        expect(f.events).toBeGreaterThan(0);
        expect({ missing: f.missing, duplicated: f.duplicated }).toEqual({ missing: 0, duplicated: 0 });
        expect(f.pushesWith).toBeLessThanOrEqual(f.pushesWithout);
      }
    },
  );

  it('sends one push per event with no window, and fewer with one, none held past its window', async () => {
    const [without] = await digestFigures(day, 0);
    const [withDigest] = await digestFigures(day, 600_000);
    expect(without!.pushesWith).toBe(without!.events);
    expect(without!.maxHeldSeconds).toBe(0);
    expect(withDigest!.pushesWith).toBeLessThan(without!.pushesWith);
    expect(withDigest!.maxHeldSeconds).toBeLessThanOrEqual(600);
  });

  it('saves no more than the events told within a window of each other allow', async () => {
    for (const windowMs of [90_000, 600_000]) {
      const [everything] = await digestFigures(day, windowMs);
      const saved = 100 * (1 - everything!.pushesWith / everything!.pushesWithout);
      expect(saved).toBeLessThanOrEqual(savingBoundPct(day, windowMs) + 1e-9);
    }
  });
});
