import { fileURLToPath } from 'node:url';

/** The fake scraper, run with this Node. */
export const FAKE_SCRAPER: [string, string] = [
  process.execPath,
  fileURLToPath(new URL('fake-scraper.mjs', import.meta.url)),
];

export { eventually, isRunning } from '@live-scores/test-support';
