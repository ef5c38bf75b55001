import type { Scorecard } from '@live-scores/schema';
import { launchBrowser } from '@live-scores/scraper';
import { DEMO_CLUB, playMatch, truthCaptures } from '@live-scores/simulator';
import lighthouse from 'lighthouse';
import { median } from '../stats.ts';
import type { Benchmark, BenchResult } from '../types.ts';
import { startPageRuntime } from './page-runtime.ts';

export interface LighthouseBenchOptions {
  /** Lighthouse runs; each category's figure is the median. */
  rounds?: number;
  /** The length of the matches the page shows. */
  oversPerSide?: number;
}

/** The categories the page keeps at their scores, and the least each may score (0–1). */
const CATEGORIES = [
  { id: 'performance', key: 'performance', least: 0.88 },
  { id: 'accessibility', key: 'accessibility', least: 1 },
  { id: 'best-practices', key: 'best_practices', least: 1 },
  { id: 'seo', key: 'seo', least: 1 },
] as const;

/**
 * A club day part-played: each team's match from its first ball to part of the way through,
 * captured today, so the page has cards, charts and over histories to fill in.
 */
function matchDayScorecards(oversPerSide: number): Scorecard[][] {
  const start = Date.now() - 3 * 3600_000;
  return DEMO_CLUB.teams.map((team, i) => {
    const matchId = String(7_100_001 + i);
    const timeline = playMatch({
      seed: `lighthouse-${i}`,
      oversPerSide,
      home: { club: DEMO_CLUB.name, text: team.fixturesText },
      away: { club: 'Scholes CC', text: 'Scholes CC - 1st XI' },
    });
    const share = i === 0 ? 0.75 : 0.4;
    const captures = truthCaptures(timeline, {
      matchId,
      teamId: team.id,
      url: `https://bradfordcl.play-cricket.com/website/results/${matchId}`,
      startMs: start,
    });
    return captures.slice(0, Math.ceil(captures.length * share));
  });
}

/**
 * The supporters' page as Lighthouse's mobile audit sees it (a mid-range phone on a slow 4G
 * link, simulated), served by the single-machine runtime with two of the club's matches
 * under way: performance, accessibility, best practices and SEO, and the cumulative layout
 * shift while the cards and charts fill in. Lighthouse drives the same Chromium the scraper
 * uses, through its DevTools pipe.
 */
export function lighthouseBenchmark(options: LighthouseBenchOptions = {}): Benchmark {
  const rounds = options.rounds ?? 3;
  return {
    name: 'lighthouse',
    async run(): Promise<BenchResult[]> {
      const { runtime, close } = await startPageRuntime({
        slug: 'cleckheaton-lighthouse',
        teams: DEMO_CLUB.teams,
        // No digest window: the queues are idle as soon as the scorecards are through.
        notifications: { digestSeconds: 0 },
      });
      const runs: { scores: Record<string, number>; cls: number }[] = [];
      try {
        const browser = await launchBrowser();
        try {
          const day = matchDayScorecards(options.oversPerSide ?? 20);
          for (const match of day)
            for (const scorecard of match) await runtime.system.publishScorecard(scorecard);
          await runtime.system.idle();
          const check = await browser.newPage();
          try {
            await check.goto(`${runtime.url}/`, { waitUntil: 'load' });
            // The audit is of the page with its matches, cards and charts drawn.
            await check.waitForSelector(`#match-${day[0]![0]!.matchId} .worm polyline`, { timeout: 15_000 });
          } finally {
            await check.close();
          }
          for (let round = 0; round < rounds; round++) {
            const page = await browser.newPage();
            try {
              const result = await lighthouse(
                `${runtime.url}/`,
                { output: 'json', logLevel: 'error', onlyCategories: CATEGORIES.map((c) => c.id) },
                undefined,
                page,
              );
              const lhr = result?.lhr;
              if (!lhr) throw new Error('Lighthouse returned no report');
              if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
              runs.push({
                scores: Object.fromEntries(CATEGORIES.map((c) => [c.id, lhr.categories[c.id]?.score ?? 0])),
                cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
              });
            } finally {
              await page.close();
            }
          }
        } finally {
          await browser.close();
        }
      } finally {
        await close();
      }
      return [
        ...CATEGORIES.map(
          (category): BenchResult => ({
            key: `lighthouse.${category.key}`,
            label: `Lighthouse mobile ${category.id} score of the supporters' page (median of ${rounds} runs)`,
            value: median(runs.map((r) => r.scores[category.id]!)),
            unit: 'score',
            target: { op: '>=', value: category.least },
            detail: Object.fromEntries(runs.map((r, i) => [`run${i + 1}`, r.scores[category.id]!])),
          }),
        ),
        {
          key: 'lighthouse.cls',
          label:
            "Cumulative layout shift of the supporters' page while it fills in, Lighthouse mobile (median)",
          value: Math.round(median(runs.map((r) => r.cls)) * 1000) / 1000,
          unit: '',
          target: { op: '<=', value: 0.05 },
          detail: Object.fromEntries(runs.map((r, i) => [`run${i + 1}`, Math.round(r.cls * 1000) / 1000])),
        },
      ];
    },
  };
}
