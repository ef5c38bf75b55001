import { describe, expect, it } from 'vitest';
import { digestFigures, replayedDay } from './digest.ts';

describe('the digest over a replayed match day', () => {
  const day = replayedDay(2, 8);

  it.each([90_000, 0])(
    'carries every wanted event exactly once, for every mode (window %i ms)',
    (windowMs) => {
      const figures = digestFigures(day, windowMs);
      expect(figures.map((f) => f.mode)).toEqual(['everything', 'key-moments', 'results-only']);
      for (const f of figures) {
        expect(f.events).toBeGreaterThan(0);
        expect({ missing: f.missing, duplicated: f.duplicated }).toEqual({ missing: 0, duplicated: 0 });
        expect(f.pushesWith).toBeLessThanOrEqual(f.pushesWithout);
      }
    },
  );

  it('sends one push per event with no window, and fewer with one', () => {
    const [without] = digestFigures(day, 0);
    const [withDigest] = digestFigures(day, 90_000);
    expect(without!.pushesWith).toBe(without!.events);
    expect(withDigest!.pushesWith).toBeLessThan(without!.pushesWith);
  });
});
