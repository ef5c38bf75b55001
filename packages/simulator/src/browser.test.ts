import chromium from '@sparticuz/chromium';
import type { Browser } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './server.ts';
import { startSimulator } from './server.ts';

describe('a match page in real Chromium', () => {
  let site: RunningSimulator;
  let browser: Browser;
  beforeAll(async () => {
    site = await startSimulator({ speed: 0, seed: 'browser', matches: 1, otherMatches: 0 });
    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH ?? (await chromium.executablePath()),
      args: [...chromium.args, '--disable-background-networking', '--no-first-run'],
      headless: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('updates its own DOM from the live feed, with no navigation, and reports each change', async () => {
    const { matchId, url } = site.matches[0]!;
    const page = await browser.newPage();
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.goto(url, { waitUntil: 'load' });
    const navigationsAfterLoad = navigations;

    expect(await page.$('#nvScorecardTab-tab')).toBeNull();
    await page.click('#cookie-consent button');
    expect(await page.$('#cookie-consent')).toBeNull();
    expect((await page.cookies()).map((c) => c.name)).toContain('sim_cookie_consent');
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));

    await fetch(`${site.baseUrl}/__sim/matches/${matchId}/step?balls=1`, { method: 'POST' });
    await page.waitForSelector('#nvScorecardTab-tab', { timeout: 5000 });
    expect(await page.$eval('#nvScorecardTab', (el) => getComputedStyle(el).display)).toBe('none');
    await page.click('#nvScorecardTab-tab');
    expect(await page.$eval('#nvScorecardTab', (el) => getComputedStyle(el).display)).toBe('block');
    expect(await page.$eval('.match-status', (el) => el.textContent)).toBe('IN PROGRESS');

    await fetch(`${site.baseUrl}/__sim/matches/${matchId}/step?balls=29`, { method: 'POST' });
    const expected = site.truth(matchId).innings[0]!.total.text;
    await page.waitForFunction(
      (text) => document.querySelectorAll('.nvp-scorecard__bottom-info--right span')[1]?.textContent === text,
      { timeout: 5000 },
      expected,
    );
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    expect(navigations).toBe(navigationsAfterLoad);

    const until = Date.now() + 5000;
    while (!site.appliedLog().some((c) => c.version === 30) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const applied = site.appliedLog().filter((c) => c.matchId === matchId);
    expect(applied.map((c) => c.version)).toEqual([1, 30]);
    const produced = site.producedLog().find((p) => p.matchId === matchId && p.version === 30)!;
    expect(applied[1]!.appliedAt).toBeGreaterThanOrEqual(produced.producedAt - 5);
    expect(applied[1]!.appliedAt - produced.producedAt).toBeLessThan(2000);
    await page.close();
  });
});
