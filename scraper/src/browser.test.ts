import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '@live-scores/simulator';
import { fetchRenderedHtml, launchBrowser } from './browser.ts';
import { PagePool } from './page-pool.ts';
import { isAlive } from './process-tree.ts';

describe('fetchRenderedHtml', () => {
  let sim: RunningSimulator;
  let browser: Browser;

  beforeAll(async () => {
    sim = await startSimulator({ speed: 0, seed: 'fixtures', matches: 2, otherMatches: 1 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await sim.close();
  });
  beforeEach(async () => {
    // An accepted banner sets a cookie, after which the site stops showing it.
    await browser.deleteCookie(...(await browser.cookies()));
  });

  it('returns the fixtures page as rendered, with the cookie banner accepted', async () => {
    const html = await fetchRenderedHtml(browser, sim.fixturesUrl, { acceptCookies: true });
    for (const match of sim.matches) expect(html).toContain(`/website/results/${match.matchId}`);
    expect(html).toContain('Cleckheaton CC - 1st XI');
    expect(html).not.toContain('id="cookie-consent"');
    expect((await browser.pages()).length).toBe(1);
  });

  it('leaves the banner alone when not asked to accept it', async () => {
    const html = await fetchRenderedHtml(browser, sim.fixturesUrl);
    expect(html).toContain('id="cookie-consent"');
  });

  it('rejects a page the site does not have, naming the status', async () => {
    await expect(fetchRenderedHtml(browser, `${sim.baseUrl}/website/web_pages/404404`)).rejects.toThrow(
      `${sim.baseUrl}/website/web_pages/404404 answered HTTP 404`,
    );
  });
});

describe('launchBrowser', () => {
  it('starts a headless Chromium whose processes are gone once closed', async () => {
    const browser = await launchBrowser();
    const pid = browser.process()?.pid as number;
    expect(isAlive(pid)).toBe(true);
    expect(await browser.version()).toMatch(/Chrome\/\d+/);
    await browser.close();
    expect(isAlive(pid)).toBe(false);
  });
});

describe('PagePool', () => {
  it('puts at most perContext pages in a context, and closes a context once it is empty', async () => {
    const browser = await launchBrowser();
    try {
      const pool = new PagePool(browser, { perContext: 2, useContexts: true });
      const pages = await Promise.all([1, 2, 3, 4, 5].map(() => pool.newPage()));
      const contexts = new Set(pages.map((page) => page.browserContext()));
      expect(contexts.size).toBe(3);
      expect(contexts.has(browser.defaultBrowserContext())).toBe(false);
      expect(browser.browserContexts()).toHaveLength(4);
      await pool.close(pages[4]!);
      expect(browser.browserContexts()).toHaveLength(3);
      await pool.close(pages[0]!);
      expect(browser.browserContexts()).toHaveLength(3);
      await pool.close(pages[1]!);
      expect(browser.browserContexts()).toHaveLength(2);
    } finally {
      await browser.close();
    }
  });
});
