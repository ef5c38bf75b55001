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

  it('compares the parser with a plain cheerio-selector parse of the same page, against a target of 4×', async () => {
    const results = await parseThroughput({ warmup: 2, rounds: 2, perRound: 3 }).run();
    const ratio = results.find((r) => r.key === 'parse.ratio_vs_cheerio_selectors');
    expect(ratio).toMatchObject({ unit: '×', target: { op: '>=', value: 4 } });
    expect(ratio?.value).toBeGreaterThan(0);
    expect(ratio?.detail?.cheerioSelectorPagesPerS).toBeGreaterThan(0);
  });
});
