import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'scraper/src/**/*.test.ts',
      'functions/src/**/*.test.ts',
      'web/src/**/*.test.ts',
      'terraform/src/**/*.test.ts',
    ],
    // Browser and network tests start real Chromium and servers: give them room, and keep
    // the two cores from being oversubscribed.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './vitest.summary-reporter.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
