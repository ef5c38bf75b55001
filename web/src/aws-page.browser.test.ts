import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsGateway, type AwsGateway } from './test-support/aws-gateway.ts';
import { launchBrowser } from './test-support/browser.ts';
import { chaseInProgress } from './test-support/fixtures.ts';
import { afterBall } from './test-support/scorecard-builder.ts';

const textOf = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

describe('the supporters page in Chromium, served the way the AWS stack serves it', () => {
  let gateway: AwsGateway;
  let browser: Browser;
  let page: Page;
  // Captured today, so the functions, which go by the real date, count it as today's.
  const chase = { ...chaseInProgress(), capturedAt: new Date().toISOString() };

  beforeAll(async () => {
    gateway = await startAwsGateway([chase]);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(gateway.origin, { waitUntil: 'load' });
    await page.waitForSelector('.match[data-match="6123456"]');
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('shows the scorecard scorecards-api answers from the bucket', async () => {
    expect(await textOf(page, '#match-6123456 .summary')).toBe(
      'LIVE Cleckheaton 148/6 (38.2 ov) need 29 from 70 balls',
    );
    expect(await page.title()).toBe('Cleckheaton live scores');
  });

  it('goes live over the WebSocket API events and applies what broadcast posts to the connection', async () => {
    await page.waitForFunction(() => document.querySelector('#live-status')?.textContent?.startsWith('Live'));
    const next = afterBall(chase, { runs: 0, howOut: 'b H Brook' });
    await gateway.publish(next);
    await page.waitForFunction(
      () => document.querySelector('#match-6123456 .summary-score')?.textContent?.includes('148/7'),
      { timeout: 10_000 },
    );
    expect(await textOf(page, '#match-6123456 .summary-score')).toBe('Cleckheaton 148/7 (38.3 ov)');
    expect(gateway.posted).toContainEqual(expect.objectContaining({ scorecard: next }));
    expect(gateway.posted).toContainEqual(
      expect.objectContaining({ type: 'overs', history: expect.objectContaining({ matchId: '6123456' }) }),
    );
    expect(gateway.handlerErrors).toEqual([]);
  });

  it('serves the over history record-overs stored, from overs-api, as the page asks for it', async () => {
    const response = await fetch(`${gateway.origin}/api/matches/6123456/overs`);
    expect(response.status).toBe(200);
    const history = (await response.json()) as { matchId: string; innings: { team: string }[] };
    expect(history.matchId).toBe('6123456');
    expect(history.innings.map((innings) => innings.team)).toEqual(
      chase.innings.map((innings) => innings.team),
    );
  });
});
