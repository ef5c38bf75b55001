import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';
import { mkdir } from 'node:fs/promises';
import { WEB_DIR } from '../build/bundles.ts';

/** Where browser tests leave screenshots (gitignored). */
export const ARTIFACTS_DIR = `${WEB_DIR}test-artifacts/`;

/** Headless Chromium from @sparticuz/chromium (or CHROMIUM_PATH), loopback only. */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const executablePath = process.env.CHROMIUM_PATH ?? (await chromium.executablePath());
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: [...chromium.args, '--disable-background-networking', '--no-first-run'],
  });
}
