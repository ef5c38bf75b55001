import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePageContract } from '@live-scores/test-support/page-contract';
import { startTestRuntime } from './testing/harness.ts';

const PAGE_ORIGIN = 'https://www.cleckheatoncc.example';

describePageContract('the local HTTP server over loopback', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'page-contract-'));
  const { runtime } = await startTestRuntime({
    dataDir,
    scraper: { pages: [], intervalMs: 20 },
    config: { server: { host: '127.0.0.1', port: 0, dataDir, pageOrigins: [PAGE_ORIGIN] } },
  });
  return {
    vapidPublicKey: runtime.vapidPublicKey,
    pageOrigin: PAGE_ORIGIN,
    async request(method, path, init = {}) {
      const response = await fetch(`${runtime.url}${path}`, {
        method,
        headers: init.headers ?? {},
        ...(init.body === undefined ? {} : { body: init.body }),
      });
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      };
    },
    async store(scorecard) {
      await runtime.system.publishScorecard(scorecard);
      await runtime.system.idle();
    },
    async close() {
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});
