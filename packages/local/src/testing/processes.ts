import { fileURLToPath } from 'node:url';

/** The fake scraper, run with this Node. */
export const FAKE_SCRAPER: [string, string] = [
  process.execPath,
  fileURLToPath(new URL('fake-scraper.mjs', import.meta.url)),
];

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `check` holds, or fails after `timeoutMs` with what it was waiting for. */
export async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
