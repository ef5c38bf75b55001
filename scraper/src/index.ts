export { Watcher, type WatcherOptions, type Heartbeat } from './watcher.ts';
export { type WatcherTiming, DEFAULT_TIMING } from './timing.ts';
export { WatchTarget, matchIdFromUrl, parseWatchTarget } from './watch-target.ts';
export {
  launchBrowser,
  chromiumArgs,
  acceptCookieBanner,
  fetchRenderedHtml,
  type LaunchOptions,
  type FetchRenderedHtmlOptions,
} from './browser.ts';
export { createJsonLinesHtmlQueue } from './json-lines-html-queue.ts';
export { isCompleteStatus } from './page-scripts.ts';
export {
  processTreePids,
  processRssBytes,
  processTreeRssBytes,
  processTreePssBytes,
  processTreeCpuSeconds,
  isAlive,
  processIdentity,
  isSameProcessAlive,
} from './process-tree.ts';
export { runScrapeCommand, main, type ScrapeIo, type ScrapeExitCode } from './scrape-command.ts';
export {
  parseScrapeArgs,
  ScrapeArgsError,
  SCRAPE_USAGE,
  type ScrapeArgs,
  type ScrapeOutput,
} from './scrape-args.ts';
export { createChromiumRenderedPage, type ChromiumRenderedPage } from './rendered-page.ts';
