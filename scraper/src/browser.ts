import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createLogger, type Logger } from '@live-scores/core';
import { ACCEPT_COOKIES } from './page-scripts.ts';
import { guardPageRequests, requestPolicyFor, type RequestPolicy } from './request-guard.ts';

const quietLogger = createLogger({ service: 'scraper', level: 'error' });

export interface LaunchOptions {
  /** Defaults to `CHROMIUM_PATH`, else the binary `@sparticuz/chromium` unpacks. */
  executablePath?: string;
  /**
   * Everything in one process: the least memory, but no browser contexts (Chromium crashes
   * creating one), so every page shares one connection pool of six per host, and a crashed
   * page takes the whole browser down. Right for a one-page Lambda, not for a match day.
   */
  singleProcess?: boolean;
  /**
   * Chromium's sandbox: on by default except as root, where Chromium refuses to start with
   * it. Lambda offers no user namespaces for it, so the Lambda turns it off explicitly.
   */
  sandbox?: boolean;
}

/**
 * Chromium flags for a long-running server browser, chosen one by one rather than taken
 * from the serverless build's list, which is meant for a one-shot Lambda and turns off web
 * security, site isolation and the sandbox. Here those stay on: a script on a scraped page
 * must not read other origins' responses (the local runtime, the instance metadata
 * service). The sandbox cannot run as root, so only there is it off.
 */
export function chromiumArgs(
  options: Pick<LaunchOptions, 'singleProcess' | 'sandbox'> & { uid?: number } = {},
): string[] {
  const uid = options.uid ?? process.getuid?.() ?? -1;
  const sandbox = options.sandbox ?? uid !== 0;
  const args = [
    // Nothing in the background: no updates, pings, crash uploads or first-run work.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-domain-reliability',
    '--disable-breakpad',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--no-pings',
    '--metrics-recording-only',
    // A server has no GPU and no printer; a container's /dev/shm is often tiny.
    '--disable-gpu',
    '--disable-print-preview',
    '--disable-dev-shm-usage',
    '--disk-cache-size=33554432',
    '--font-render-hinting=none',
    '--mute-audio',
  ];
  if (!sandbox) args.push('--no-sandbox');
  if (options.singleProcess) return [...args, '--single-process', '--no-zygote'];
  // Pages of one browser context share a renderer instead of each holding its own (~100 MB).
  return [...args, '--renderer-process-limit=2'];
}

/**
 * Starts a headless Chromium. Signals are left to the caller, which closes the browser
 * itself on SIGTERM/SIGINT rather than have puppeteer exit the process.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath =
    options.executablePath ?? process.env.CHROMIUM_PATH ?? (await chromium.executablePath());
  return puppeteer.launch({
    executablePath,
    headless: 'shell',
    // DevTools over a pipe, not a port: when this process ends, even by SIGKILL, the pipe
    // closes and Chromium shuts itself down instead of living on as an orphan.
    pipe: true,
    args: chromiumArgs(options),
    defaultViewport: { width: 1280, height: 900 },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** Clicks the cookie banner's ACCEPT button if the page shows one; true when it did. */
export async function acceptCookieBanner(page: Page): Promise<boolean> {
  return (await page.evaluate(ACCEPT_COOKIES)) as boolean;
}

export interface FetchRenderedHtmlOptions {
  acceptCookies?: boolean;
  /** Navigation budget; 30 s by default. */
  timeoutMs?: number;
  /** A selector to wait for after load (and after accepting cookies), e.g. the fixtures table. */
  waitForSelector?: string;
  /** What the page may load; its own site and the default hosts when absent. */
  requestPolicy?: RequestPolicy;
  logger?: Logger;
}

/**
 * The page's HTML after its scripts have run: what a person would see, not what the
 * server sent. Opens and closes its own tab in `browser`.
 */
export async function fetchRenderedHtml(
  browser: Browser,
  url: string,
  options: FetchRenderedHtmlOptions = {},
): Promise<string> {
  const timeout = options.timeoutMs ?? 30_000;
  const page = await browser.newPage();
  try {
    await guardPageRequests(
      page,
      options.requestPolicy ?? requestPolicyFor(url),
      options.logger ?? quietLogger,
    );
    const response = await page.goto(url, { waitUntil: 'networkidle2', timeout });
    if (response && !response.ok()) throw new Error(`${url} answered HTTP ${response.status()}`);
    if (options.acceptCookies) await acceptCookieBanner(page);
    if (options.waitForSelector) await page.waitForSelector(options.waitForSelector, { timeout });
    return await page.content();
  } finally {
    await page.close().catch(() => undefined);
  }
}
