import type { Scorecard } from '@live-scores/schema';
import { launchBrowser } from '@live-scores/scraper';
import { percentile } from '../stats.ts';
import type { Benchmark, BenchResult } from '../types.ts';
import { startPageRuntime } from './page-runtime.ts';

const UPDATES = 60;

/** Today: the page shows today's matches. */
const START = Date.now();

/** One ball later: the total moves on, so the page's summary line must change. */
function ball(n: number): Scorecard {
  const runs = 100 + n;
  return {
    schemaVersion: 1,
    matchId: '6123456',
    teamId: 'firstTeam',
    url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
    capturedAt: new Date(START + n).toISOString(),
    seq: n,
    status: 'in-progress',
    result: null,
    innings: [
      {
        team: 'Cleckheaton',
        batting: [],
        extras: 0,
        total: { runs, wickets: 3, overs: `${Math.floor(n / 6)}.${n % 6}`, text: `${runs} for 3` },
        fallOfWickets: '',
        bowling: [],
      },
    ],
  };
}

/**
 * Publish → pixels: a scorecard put on the runtime's topic until the supporters' page in
 * Chromium shows it (its summary line mutated), through the real broadcast queue, WebSocket
 * and page code. A unit test checks that the page applies updates; this says how fast.
 */
export function pageUpdateBenchmark(): Benchmark {
  return {
    name: 'page',
    async run(): Promise<BenchResult[]> {
      const { runtime, close } = await startPageRuntime({
        slug: 'cleckheaton-page',
        teams: [{ id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' }],
      });
      const latencies: number[] = [];
      try {
        const browser = await launchBrowser();
        try {
          await runtime.system.publishScorecard(ball(1));
          const page = await browser.newPage();
          await page.goto(`${runtime.url}/`, { waitUntil: 'load' });
          await page.waitForSelector('#match-6123456 .summary-score');
          for (let n = 2; n <= UPDATES + 1; n++) {
            const expected = `${100 + n}/3`;
            const shown = page.waitForFunction(
              (text: string) =>
                document.querySelector('#match-6123456 .summary-score')?.textContent?.includes(text),
              { polling: 'mutation', timeout: 10_000 },
              expected,
            );
            const sentAt = performance.now();
            await runtime.system.publishScorecard(ball(n));
            await shown;
            latencies.push(performance.now() - sentAt);
          }
        } finally {
          await browser.close();
        }
      } finally {
        await close();
      }
      const detail = {
        p50_ms: percentile(latencies, 50),
        p95_ms: percentile(latencies, 95),
        updates: latencies.length,
      };
      return [
        {
          key: 'page.update.p99_ms',
          label: 'Scorecard published → shown on the page in Chromium, p99',
          value: percentile(latencies, 99),
          unit: 'ms',
          target: { op: '<=', value: 100 },
          detail,
        },
      ];
    },
  };
}
