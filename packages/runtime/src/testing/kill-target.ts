/**
 * The runtime as its own process, for tests that SIGKILL it: `startRuntime` with the
 * configuration file given, a saved fixtures page and the stand-in scraper (its pages and
 * schedule from the environment, see fake-scraper.mjs), so a start costs no Chromium.
 * Prints `url <url>` once serving; runs until killed. Every path comes in as an argument,
 * so the file runs as it is or bundled into one (a bundle starts in a fraction of the time).
 *
 *   node kill-target.mjs <config.json> <fixtures.html> <fake-scraper.mjs> <web root>
 */
import { readFileSync } from 'node:fs';
import { parseConfig } from '@live-scores/config';
import { createLogger } from '@live-scores/core';
import { createOperatorFeed } from '../operator-feed.ts';
import { startRuntime } from '../runtime.ts';

const [configFile, fixturesFile, fakeScraper, webRoot] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const config = parseConfig(JSON.parse(readFileSync(configFile, 'utf8')), configFile);
const runtime = await startRuntime({
  config,
  logger: createLogger({ service: 'live-scores' }),
  feed: createOperatorFeed(() => undefined),
  env: process.env,
  discoverNow: true,
  fixturesPage: { fetchHtml: async () => readFileSync(fixturesFile, 'utf8') },
  scraperCommand: [process.execPath, fakeScraper],
  scraperEnv: process.env,
  scraperGraceMs: 1_000,
  scraperRestartDelayMs: 100,
  webRoot,
});
process.stdout.write(`url ${runtime.url}\n`);
