export { scorecard, shuffled } from '@live-scores/test-support';

export const TEST_PAGES_DIR = new URL('../../../parser/test-pages/', import.meta.url);
