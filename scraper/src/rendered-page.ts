import type { RenderedPage } from '@live-scores/core';
import type { Logger } from '@live-scores/core';
import { fetchRenderedHtml, launchBrowser, type LaunchOptions } from './browser.ts';
import { requestPolicyFor } from './request-guard.ts';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

export interface ChromiumRenderedPage extends RenderedPage {
  /** Closes a browser still open mid-read (shutdown), so no Chromium outlives its process. */
  close(): Promise<void>;
}

/**
 * The RenderedPage port (scripts run, cookie banner accepted) over a Chromium started for
 * each read and closed after it: fixture discovery runs a few times a day, so a browser
 * kept open in between would only hold memory.
 */
export function createChromiumRenderedPage(
  launch: LaunchOptions & { allowedHosts?: readonly string[]; logger?: Logger } = {},
): ChromiumRenderedPage {
  const open = new Set<Browser>();
  return {
    async fetchHtml(url, options) {
      const browser = await launchBrowser(launch);
      open.add(browser);
      try {
        return await fetchRenderedHtml(browser, url, {
          acceptCookies: options?.acceptCookies ?? true,
          requestPolicy: requestPolicyFor(url, launch.allowedHosts),
          logger: launch.logger,
        });
      } finally {
        open.delete(browser);
        await browser.close().catch(() => undefined);
      }
    },
    async close() {
      await Promise.all([...open].map((b) => b.close().catch(() => undefined)));
      open.clear();
    },
  };
}
