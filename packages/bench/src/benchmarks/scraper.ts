import { type ScraperBenchOptions, measureBlockingSavings, measureScraper } from './scraper-measure.ts';
import { median, percentile } from '../stats.ts';
import type { Benchmark, BenchResult } from '../types.ts';

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The scraper on the simulated site with real Chromium: change-to-emit latency (DOM change
 * applied in the page → JSON line written; target p99 ≤ 100 ms), memory of Node plus
 * Chromium watching 8 matches (target ≤ 1 GB) and idle CPU (target ≤ 5 % of a core).
 */
export function scraperBenchmark(options: ScraperBenchOptions = {}): Benchmark {
  return {
    name: 'scraper',
    async run(): Promise<BenchResult[]> {
      const measured = await measureScraper(options);
      const savings = await measureBlockingSavings({ matches: options.matches });
      const blocked = median(savings.blockedMb);
      const loaded = median(savings.loadedMb);
      const latencies = measured.emitLatenciesMs;
      const latencyDetail = {
        changes: latencies.length,
        matches: measured.matches,
        minMs: Math.min(...latencies),
        maxMs: Math.max(...latencies),
      };
      return [
        {
          key: 'scraper.emit.p50_ms',
          label: 'Scraper change-to-emit latency, median (DOM change applied → JSON line written)',
          value: round1(percentile(latencies, 50)),
          unit: 'ms',
          detail: latencyDetail,
        },
        {
          key: 'scraper.emit.p99_ms',
          label: 'Scraper change-to-emit latency, p99 (DOM change applied → JSON line written)',
          value: round1(percentile(latencies, 99)),
          unit: 'ms',
          target: { op: '<=', value: 100 },
          detail: latencyDetail,
        },
        {
          key: 'scraper.rss_mb_8_matches',
          label: `Node + Chromium VmRSS summed over processes, watching ${measured.matches} matches`,
          value: Math.round(measured.rssMb),
          unit: 'MB',
          target: { op: '<=', value: 1024 },
          detail: { pssMb: Math.round(measured.pssMb) },
        },
        {
          key: 'scraper.pss_mb_8_matches',
          label: `Node + Chromium proportional memory (shared pages counted once), watching ${measured.matches} matches`,
          value: Math.round(measured.pssMb),
          unit: 'MB',
          target: { op: '<=', value: 1024 },
        },
        {
          key: 'scraper.blocking_saves_mb',
          label: `Memory saved by blocking images, media and fonts, ${savings.matches} matches (PSS, median of A B A B runs)`,
          value: Math.round(loaded - blocked),
          unit: 'MB',
          detail: {
            blockedMb: Math.round(blocked),
            loadedMb: Math.round(loaded),
            rounds: savings.blockedMb.length,
          },
        },
        {
          key: 'scraper.idle_cpu_pct',
          label: `Node + Chromium CPU while ${measured.matches} matches sit unchanged`,
          value: round1(measured.idleCpuPct),
          unit: '% of a core',
          target: { op: '<=', value: 5 },
        },
      ];
    },
  };
}
