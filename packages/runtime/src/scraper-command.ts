import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * How the fleet starts a scraper: this Node, with tsx's loader, running the scraper's entry
 * point (`scrape --url … --team … --out -`). Resolved from the installed packages rather than
 * a `live-scores` on the PATH, so it works from any working directory and under systemd.
 */
export function scraperCommand(): [string, ...string[]] {
  const tsxLoader = pathToFileURL(require.resolve('tsx')).href;
  const entry = join(dirname(require.resolve('@live-scores/scraper')), 'main.ts');
  return [process.execPath, '--import', tsxLoader, entry];
}
