import { describe, expect, it } from 'vitest';
import { parseThroughput } from './parse.ts';

describe('the parse benchmark', () => {
  it('reports pages per second and ms per page on the completed two-innings page, with their targets', async () => {
    const [perSecond, perPage] = await parseThroughput({ warmup: 5, rounds: 3, perRound: 5 }).run();
    expect(perSecond).toMatchObject({
      key: 'parse.per_s',
      unit: 'pages/s',
      target: { op: '>=', value: 500 },
    });
    expect(perPage).toMatchObject({ key: 'parse.ms_per_page', unit: 'ms', target: { op: '<=', value: 2 } });
    expect(perSecond?.value).toBeGreaterThan(0);
    expect(perSecond?.value).toBeCloseTo(1000 / (perPage?.value ?? Number.NaN), -1);
    expect(perSecond?.detail).toMatchObject({ innings: 2, rounds: 3, pagesPerRound: 5 });
    expect(perSecond?.detail?.pageBytes).toBeGreaterThan(20_000);
    expect(perSecond?.detail?.p95MsPerPage).toBeGreaterThan(0);
  });

  it('also reports the scraper’s case: the same match as header + scorecard fragments, without a target', async () => {
    const [perSecond, , fragments] = await parseThroughput({ warmup: 5, rounds: 3, perRound: 5 }).run();
    expect(fragments).toMatchObject({ key: 'parse.fragments_per_s', unit: 'messages/s' });
    expect(fragments?.target).toBeUndefined();
    expect(fragments?.value).toBeGreaterThan(0);
    expect(fragments?.detail?.messageBytes).toBeLessThan(perSecond?.detail?.pageBytes ?? 0);
  });
});
