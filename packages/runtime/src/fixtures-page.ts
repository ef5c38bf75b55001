import type { RenderedPage } from '@live-scores/core';
import { fetchRenderedHtml, launchBrowser } from '@live-scores/scraper';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

export interface BrowserFixturesPage extends RenderedPage {
  /** Closes a browser still open mid-read (shutdown), so no Chromium outlives the runtime. */
  close(): Promise<void>;
}

/**
 * The fixtures page read the way find-fixtures needs it (rendered by scripts, cookie banner
 * accepted), in a Chromium started for the read and closed after it: find-fixtures runs a
 * few times a day, so a browser kept open in between would only hold memory.
 */
export function createBrowserFixturesPage(): BrowserFixturesPage {
  const open = new Set<Browser>();
  return {
    async fetchHtml(url, options) {
      const browser = await launchBrowser();
      open.add(browser);
      try {
        return await fetchRenderedHtml(browser, url, { acceptCookies: options?.acceptCookies });
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
