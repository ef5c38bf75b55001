import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseMatchPage } from '@live-scores/parser';
import { median, percentile } from '../stats.ts';
import { timeInterleaved, timeRounds, type RoundsOptions } from '../timing.ts';
import { parseWithCheerioSelectors } from './cheerio-selector-parse.ts';
import type { Benchmark, BenchResult } from '../types.ts';

/** The completed two-innings test page: a whole saved page, as full as a scorecard gets. */
const PAGE = '@live-scores/parser/test-pages/07-won-by-wickets.html';

const DEFAULT_ROUNDS: RoundsOptions = { warmup: 300, rounds: 7, perRound: 300 };

/**
 * Parse throughput on one core: median CPU ms per page and pages per CPU-second (target
 * ≥ 500/s), with the wall-clock median and the p95 of single parses alongside, and the
 * ratio to a plain cheerio-selector parse of the same page, the two timed in alternating rounds.
 */
export function parseThroughput(options: RoundsOptions = DEFAULT_ROUNDS): Benchmark {
  return {
    name: 'parse',
    async run(): Promise<BenchResult[]> {
      const html = readFileSync(createRequire(import.meta.url).resolve(PAGE), 'utf8');
      const source = { teamId: 'firstTeam', capturedAt: '2025-06-14T17:30:00.000Z' };
      const innings = parseMatchPage(html, source).innings.length;
      const { a: page, b: naive } = timeInterleaved(
        () => parseMatchPage(html, source),
        () => parseWithCheerioSelectors(html),
        options,
      );
      const msPerPage = median(page.roundCpuMs);
      const naiveMsPerPage = median(naive.roundCpuMs);
      const naiveInnings = parseWithCheerioSelectors(html).innings.length;
      if (naiveInnings !== innings)
        throw new Error(`the cheerio-selector parse read ${naiveInnings} innings, the parser ${innings}`);
      const detail = {
        pageBytes: Buffer.byteLength(html),
        innings,
        rounds: options.rounds,
        pagesPerRound: options.perRound,
        p95MsPerPage: round(percentile(page.callMs, 95)),
        medianWallMsPerPage: round(median(page.roundWallMs)),
        fastestRoundCpuMsPerPage: round(Math.min(...page.roundCpuMs)),
        slowestRoundCpuMsPerPage: round(Math.max(...page.roundCpuMs)),
      };

      const fragments = fragmentsOf(html);
      const fragmentSource = {
        ...source,
        url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
      };
      const scraped = timeRounds(() => parseMatchPage(fragments, fragmentSource), options);
      const msPerMessage = median(scraped.roundCpuMs);

      return [
        {
          key: 'parse.per_s',
          label: 'Parse throughput, completed two-innings page (CPU time, median of rounds)',
          value: Math.round(1000 / msPerPage),
          unit: 'pages/s',
          target: { op: '>=', value: 500 },
          detail,
        },
        {
          key: 'parse.ms_per_page',
          label: 'Parse CPU time per page (median of rounds)',
          value: round(msPerPage),
          unit: 'ms',
          target: { op: '<=', value: 2 },
          detail: { p95MsPerPage: detail.p95MsPerPage, medianWallMsPerPage: detail.medianWallMsPerPage },
        },
        {
          key: 'parse.fragments_per_s',
          label: 'Parse throughput, same match as the scraper sends it (header + scorecard only)',
          value: Math.round(1000 / msPerMessage),
          unit: 'messages/s',
          detail: {
            messageBytes: Buffer.byteLength(fragments),
            p95MsPerMessage: round(percentile(scraped.callMs, 95)),
            medianWallMsPerMessage: round(median(scraped.roundWallMs)),
          },
        },
        {
          key: 'parse.ratio_vs_cheerio_selectors',
          label: 'Parser throughput ÷ a plain cheerio-selector parse of the same page (alternating rounds)',
          value: Math.round((naiveMsPerPage / msPerPage) * 100) / 100,
          unit: '×',
          target: { op: '>=', value: 4 },
          detail: {
            cheerioSelectorPagesPerS: Math.round(1000 / naiveMsPerPage),
            parserPagesPerS: Math.round(1000 / msPerPage),
            cheerioSelectorMsPerPage: round(naiveMsPerPage),
          },
        },
      ];
    },
  };
}

/**
 * The header and scorecard of the test page, as the scraper's `headerHtml + scorecardHtml`.
 * Cut at the page's own markers: the page is fixed, and a missing marker fails loudly.
 */
function fragmentsOf(html: string): string {
  const cut = (from: string, to: string) => {
    const start = html.indexOf(from);
    const end = html.indexOf(to, start);
    if (start === -1 || end === -1)
      throw new Error(`the benchmark page has lost its "${from}" … "${to}" markers`);
    return html.slice(start, end);
  };
  return (
    cut('<div class="container main-header">', '<ul class="nav nav-tabs"') +
    cut('<div id="nvScorecardTab"', '<div id="nvInfoTab"')
  );
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
