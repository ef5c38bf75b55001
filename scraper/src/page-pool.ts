import type { Browser, BrowserContext, Page } from 'puppeteer-core';

interface ContextEntry {
  context: Promise<BrowserContext>;
  pages: number;
}

/**
 * Hands out one page per match, grouping matches into browser contexts of a few each.
 * Chromium allows six connections per host in a context's pool, and a live match page
 * may hold one open to the league site, so a context takes at most `perContext` matches
 * (default 4, leaving room for page loads). Sharing contexts, rather than one per match,
 * lets a capped number of renderer processes serve every match. A single-process browser
 * cannot create contexts: there every page lives in the default one.
 */
export class PagePool {
  private readonly entries: ContextEntry[] = [];
  private readonly owners = new Map<Page, ContextEntry>();

  constructor(
    readonly browser: Browser,
    private readonly options: { perContext: number; useContexts: boolean },
  ) {}

  get connected(): boolean {
    return this.browser.connected;
  }

  async newPage(): Promise<Page> {
    if (!this.options.useContexts) return this.browser.newPage();
    const entry = this.entryWithRoom();
    entry.pages += 1;
    try {
      const page = await (await entry.context).newPage();
      this.owners.set(page, entry);
      return page;
    } catch (error) {
      await this.release(entry);
      throw error;
    }
  }

  /** Closes a page, and its context once no match uses it. */
  async close(page: Page): Promise<void> {
    await page.close().catch(() => undefined);
    const entry = this.owners.get(page);
    this.owners.delete(page);
    if (entry) await this.release(entry);
  }

  /** Reserved synchronously, so pages opened together fill a context rather than each make one. */
  private entryWithRoom(): ContextEntry {
    const open = this.entries.find((entry) => entry.pages < this.options.perContext);
    if (open) return open;
    const created: ContextEntry = { context: this.browser.createBrowserContext(), pages: 0 };
    // A context that failed to open must not be handed out again.
    created.context.catch(() => this.forget(created));
    this.entries.push(created);
    return created;
  }

  private forget(entry: ContextEntry): void {
    const index = this.entries.indexOf(entry);
    if (index >= 0) this.entries.splice(index, 1);
  }

  private async release(entry: ContextEntry): Promise<void> {
    entry.pages -= 1;
    if (entry.pages > 0) return;
    this.forget(entry);
    await (await entry.context.catch(() => undefined))?.close().catch(() => undefined);
  }
}
