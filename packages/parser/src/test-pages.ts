import { readFileSync } from 'node:fs';

/**
 * The hand-written pages in `packages/parser/test-pages`, for this package's tests and for
 * the benchmarks. Figures add up: batters' runs + extras = total, dismissals = wickets.
 */
export const TEST_PAGES_DIR = new URL('../test-pages/', import.meta.url);

export function readTestPage(name: string): string {
  return readFileSync(new URL(name, TEST_PAGES_DIR), 'utf8');
}
