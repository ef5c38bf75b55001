import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ACCEPT_COOKIES } from './page-scripts.ts';

export interface LaunchOptions {
  /** Defaults to `CHROMIUM_PATH`, else the binary `@sparticuz/chromium` unpacks. */
  executablePath?: string;
  /**
   * Everything in one process: the least memory, but no browser contexts (Chromium crashes
   * creating one), so every page shares one connection pool of six per host, and a crashed
   * page takes the whole browser down. Right for a one-page Lambda, not for a match day.
   */
  singleProcess?: boolean;
}

/**
 * Chromium flags: the serverless build's own, minus background traffic nobody watches.
 * Multi-process, renderers are capped, so the pages of one browser context share a
 * renderer instead of each holding its own (about 100 MB resident apiece).
 */
export function chromiumArgs(options: Pick<LaunchOptions, 'singleProcess'> = {}): string[] {
  const args = [
    ...chromium.args,
    '--disable-background-networking',
    '--no-first-run',
    '--disable-component-update',
  ];
  if (options.singleProcess) return args;
  return [...args.filter((arg) => arg !== '--single-process'), '--renderer-process-limit=2'];
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
    headless: true,
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
    const response = await page.goto(url, { waitUntil: 'networkidle2', timeout });
    if (response && !response.ok()) throw new Error(`${url} answered HTTP ${response.status()}`);
    if (options.acceptCookies) await acceptCookieBanner(page);
    if (options.waitForSelector) await page.waitForSelector(options.waitForSelector, { timeout });
    return await page.content();
  } finally {
    await page.close().catch(() => undefined);
  }
}
