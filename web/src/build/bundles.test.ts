import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PUBLIC_DIR, buildPublicFiles } from './bundles.ts';

const PAGE_BUDGET_BYTES = 50 * 1024;
const gzipped = async (path: string) => gzipSync(await readFile(`${PUBLIC_DIR}${path}`)).length;

describe('the committed browser bundles', () => {
  it('are exactly what `npm run build -w web` produces from the sources (run it if this fails)', async () => {
    for (const file of await buildPublicFiles()) {
      const committed = await readFile(`${PUBLIC_DIR}${file.path}`);
      expect(Buffer.compare(committed, Buffer.from(file.contents)), `web/public/${file.path} is stale`).toBe(
        0,
      );
    }
  });

  it('keep the page within 50 KB of gzipped JavaScript and CSS', async () => {
    const page = (await gzipped('app.js')) + (await gzipped('styles.css'));
    expect(page).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });

  it('keep the embeddable element and the service worker within the same budget', async () => {
    expect(await gzipped('live-scores.js')).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    expect(await gzipped('sw.js')).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });
});
