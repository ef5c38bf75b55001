import type { Browser, Page } from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './test-support/axe.ts';
import { ARTIFACTS_DIR, launchBrowser, recordSentSocketFrames } from './test-support/browser.ts';
import { startClubSite, type ClubSite } from './test-support/club-site.ts';
import { chaseInProgress, matchDay } from './test-support/fixtures.ts';
import { startLiveServer, type LiveServer } from './test-support/live-server.ts';
import { afterBall } from './test-support/scorecard-builder.ts';
import { eventually } from '@live-scores/test-support';

/** Text of an element as rendered (table cells apart), with whitespace collapsed. */
const textOf = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

describe('the supporters page in Chromium, served by the local runtime', () => {
  let dataDir: string;
  let browser: Browser;
  let server: LiveServer;
  let page: Page;
  let sentFrames: unknown[];
  let clubSite: ClubSite;
  const policyViolations: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'web-page-'));
    clubSite = await startClubSite();
    server = await startLiveServer({ dataDir, scorecards: matchDay(), pageOrigins: [clubSite.origin] });
    browser = await launchBrowser();
    page = await browser.newPage();
    sentFrames = await recordSentSocketFrames(page);
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(server.origin, { waitUntil: 'load' });
    await page.waitForSelector('.match[data-match="6123456"]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await clubSite?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('renders each team from /api/scorecards: the chase, the result, waiting for play, and no match today', async () => {
    expect(await textOf(page, '#match-6123456 .summary')).toBe(
      'LIVE Cleckheaton 148/6 (38.2 ov) need 29 from 70 balls',
    );
    expect(await textOf(page, '#match-6124001 .result')).toBe('Cleckheaton WON BY 8 WICKETS');
    expect(await textOf(page, '#match-6124100 .summary')).toBe('NOT STARTED Waiting for play to start');
    expect(await textOf(page, '[data-team="sundayTeam"] .no-match')).toBe('No match today');
    expect(await page.title()).toBe('Cleckheaton live scores');
  });

  it('shows the full card of the live innings: how out, extras, total, fall of wickets and bowling', async () => {
    const card = '#match-6123456 details[data-innings="1"]';
    expect(await page.$eval(card, (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await textOf(page, `${card} tr[data-row="1:bat:A Lee"]`)).toBe('A Lee b P Jagger 31 44 4 1 70.5');
    expect(await textOf(page, `${card} tr[data-row="1:extras"]`)).toBe('Extras 14');
    expect(await textOf(page, `${card} tr[data-row="1:total"]`)).toBe('Total 148/6 38.2 overs');
    expect(await textOf(page, `${card} .fow`)).toContain('6-118 (C Moss)');
    expect(await textOf(page, `${card} tr[data-row="1:bowl:H Brook"]`)).toBe('H Brook 4.2 0 19 0 0 0 4.38');
    expect(await textOf(page, `${card} .yet-to-bat`)).toBe('Yet to bat: B Holt, G Sykes, E Moorhouse');
  });

  it('asked for the current scorecards when the live socket opened', async () => {
    await page.waitForFunction(() => document.querySelector('#live-status')?.textContent?.startsWith('Live'));
    expect(sentFrames).toContainEqual({ action: 'sync' });
  });

  // How fast is `npm run bench`'s page.update.p99_ms; this says what the update does.
  it('applies a WebSocket update to the page, highlights the row and announces the wicket', async () => {
    const next = afterBall(chaseInProgress(), { runs: 0, howOut: 'b H Brook' });
    await server.publish(next);
    await page.waitForFunction(
      () => document.querySelector('#match-6123456 .summary-score')?.textContent?.includes('148/7'),
      { polling: 'mutation' },
    );
    expect(await textOf(page, '#match-6123456 .summary-score')).toBe('Cleckheaton 148/7 (38.3 ov)');
    expect(
      await page.$eval('#match-6123456 tr[data-row="1:bat:T Priestley"]', (r) =>
        r.classList.contains('changed'),
      ),
    ).toBe(true);
    expect(await textOf(page, '#announcer')).toBe(
      'Wicket! T Priestley b H Brook 24. Cleckheaton 148/7 (38.3 ov)',
    );
  });

  it('runs under its same-origin Content-Security-Policy without a single violation', async () => {
    const policy = (await fetch(server.origin)).headers.get('content-security-policy');
    expect(policy).toContain("script-src 'self'");
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('.match[data-match="6123456"]');
    expect(policyViolations).toEqual([]);
  });

  it('asks for a sync when a diff arrives built on a card it never had (a message lost on the way)', async () => {
    const { connections } = server.runtime.system;
    const [connection] = (await connections.store.listPage()).connections;
    const shown = await textOf(page, '#match-6123456 .summary-score');
    const current = afterBall(chaseInProgress(), { runs: 0, howOut: 'b H Brook' });
    const framesBefore = sentFrames.length;
    const outcome = await connections.sender.send(
      connection!.connectionId,
      JSON.stringify({
        type: 'diff',
        matchId: current.matchId,
        teamId: current.teamId,
        base: { capturedAt: current.capturedAt, seq: current.seq + 5 },
        capturedAt: new Date(Date.parse(current.capturedAt) + 60_000).toISOString(),
        seq: current.seq + 6,
        changes: [{ at: ['innings', 1, 'total', 'runs'], to: 999 }],
      }),
    );
    expect(outcome).toBe('sent');
    await eventually('the page asked for a sync', () =>
      sentFrames.slice(framesBefore).some((f) => JSON.stringify(f) === '{"action":"sync"}'),
    );
    expect(await textOf(page, '#match-6123456 .summary-score')).toBe(shown);
  });

  it('has no serious or critical accessibility violations (axe-core), chart boxes included', async () => {
    expect(await page.$$('#match-6123456 .charts svg')).toHaveLength(2);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('links the finished match to its report and shows it, paragraph by paragraph', async () => {
    const stored = await server.runtime.system.reports.get('6124001');
    expect(stored).toBeDefined();
    expect(await page.$eval('#match-6123456 .report', (d) => (d as HTMLElement).hidden)).toBe(true);
    await page.click('#match-6124001 .report-link');
    await page.waitForSelector('#match-6124001 .report-title');
    expect(await textOf(page, '#match-6124001 .report-title')).toBe(stored!.title);
    const paragraphs = await page.$$eval('#match-6124001 .report-content p', (ps) =>
      ps.map((p) => (p as HTMLElement).innerText.trim()),
    );
    expect(paragraphs).toEqual(stored!.body.split('\n\n'));
    await page.screenshot({ path: `${ARTIFACTS_DIR}page-report-390x844.png`, fullPage: true });
  });

  it('opens the report straight away from a result notification link (?match=…&report=1)', async () => {
    const other = await browser.newPage();
    await other.goto(`${server.origin}/?match=6124001&report=1`, { waitUntil: 'load' });
    await other.waitForSelector('#match-6124001 .report[open] .report-title');
    expect(await other.$eval('#match-6124001 .report-title', (el) => el.textContent)).toBe(
      (await server.runtime.system.reports.get('6124001'))!.title,
    );
    await other.close();
  });

  it('saves screenshots at phone and desktop widths', async () => {
    await page.screenshot({ path: `${ARTIFACTS_DIR}page-390x844.png`, fullPage: true });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await page.screenshot({ path: `${ARTIFACTS_DIR}page-390x844-dark.png` });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.setViewport({ width: 1280, height: 800 });
    await page.screenshot({ path: `${ARTIFACTS_DIR}page-1280x800.png`, fullPage: true });
    const sizes = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(sizes[0]).toBe(sizes[1]);
  });

  it('runs as an embeddable element on a club website, reading the API across origins, inside its own shadow root', async () => {
    const club = await browser.newPage();
    clubSite.html = `<!doctype html><title>Cleckheaton CC</title><h1>Cleckheaton CC</h1>
      <script src="${server.origin}/live-scores.js" defer></script>
      <live-scores-board api="${server.origin}" team="secondTeam" label="2nd XI"></live-scores-board>`;
    const scorecardsResponse = club.waitForResponse((r) => new URL(r.url()).pathname === '/api/scorecards');
    await club.goto(clubSite.origin);
    const response = await scorecardsResponse;
    expect([response.status(), response.headers()['access-control-allow-origin']]).toEqual([
      200,
      clubSite.origin,
    ]);
    const summary = await club.waitForFunction(
      () =>
        document.querySelector('live-scores-board')?.shadowRoot?.querySelector('#match-6124001 .result')
          ?.textContent,
    );
    expect(await summary.jsonValue()).toBe('Cleckheaton WON BY 8 WICKETS');
    const shown = await club.$eval('live-scores-board', (el) =>
      [...(el.shadowRoot?.querySelectorAll('section.team h2') ?? [])].map((h) => h.textContent),
    );
    expect(shown).toEqual(['2nd XI']);
    await club.setViewport({ width: 390, height: 844 });
    await club.screenshot({ path: `${ARTIFACTS_DIR}embed-390x844.png`, fullPage: true });
    await club.close();
  });

  it('reconnects after the server restarts on the same port and resyncs the missed score', async () => {
    const port = server.port;
    const missed = afterBall(afterBall(chaseInProgress(), { runs: 0, howOut: 'b H Brook' }), { runs: 4 });
    await server.close();
    await page.waitForFunction(
      () => !document.querySelector('#live-status')?.textContent?.startsWith('Live'),
    );
    // The next ball is stored while the page's server is down (by a runtime on another port),
    // so only the resync after reconnecting can bring it to the page.
    const meanwhile = await startLiveServer({ dataDir, scorecards: [missed] });
    await meanwhile.close();
    const framesBefore = sentFrames.length;
    server = await startLiveServer({ dataDir, port, pageOrigins: [clubSite.origin] });
    await page.waitForFunction(
      () =>
        document.querySelector('#match-6123456 .summary-score')?.textContent ===
        'Cleckheaton 152/7 (38.4 ov)',
      { timeout: 15_000 },
    );
    await page.waitForFunction(() => document.querySelector('#live-status')?.textContent?.startsWith('Live'));
    expect(server.runtime.system.connections.size).toBe(1);
    expect(sentFrames.slice(framesBefore)).toContainEqual({ action: 'sync' });
  });
});
