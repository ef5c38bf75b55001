import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdir } from 'node:fs/promises';
import { WEB_DIR } from '../build/bundles.ts';

/** Where browser tests leave screenshots (gitignored). */
export const ARTIFACTS_DIR = `${WEB_DIR}test-artifacts/`;

/**
 * @sparticuz/chromium's Lambda flags switch off the same-origin policy; a supporter's browser
 * enforces it, and the embedded scoreboard depends on the server's CORS answer, so they go.
 */
const RELAXED_SECURITY_FLAGS = new Set(['--disable-web-security', '--allow-running-insecure-content']);

/** Headless Chromium from @sparticuz/chromium (or CHROMIUM_PATH), loopback only. */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const executablePath = process.env.CHROMIUM_PATH ?? (await chromium.executablePath());
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      ...chromium.args.filter((flag) => !RELAXED_SECURITY_FLAGS.has(flag)),
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
}

/** Every frame the page sends on its WebSockets, parsed, as Chromium's network events report them. */
export async function recordSentSocketFrames(page: Page): Promise<unknown[]> {
  const frames: unknown[] = [];
  const session = await page.createCDPSession();
  session.on('Network.webSocketFrameSent', ({ response }) => {
    try {
      frames.push(JSON.parse(response.payloadData));
    } catch {
      frames.push(response.payloadData);
    }
  });
  await session.send('Network.enable');
  return frames;
}

export interface CapturedRequest {
  method: string;
  body: unknown;
}

/** Method and JSON body of every request the page makes to `path` other than GET, in order. */
export function captureRequests(page: Page, path: string): CapturedRequest[] {
  const captured: CapturedRequest[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' || new URL(request.url()).pathname !== path) return;
    const body = request.postData();
    captured.push({ method: request.method(), body: body === undefined ? undefined : JSON.parse(body) });
  });
  return captured;
}
