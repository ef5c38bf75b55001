import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PAGE_BYTES_TARGET, pageBytesBenchmark } from './page-bytes.ts';

describe('the page size figure', () => {
  it('is the gzipped size of the page script plus its stylesheet, against a 40 KB target', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-page-bytes-'));
    try {
      const script = 'export const x = 1;'.repeat(500);
      const styles = '.a { color: red }\n'.repeat(300);
      await writeFile(join(dir, 'app.js'), script);
      await writeFile(join(dir, 'styles.css'), styles);
      const [figure] = await pageBytesBenchmark(`${dir}/`).run();
      const expected = { app_js: gzipSync(script).length, styles_css: gzipSync(styles).length };
      expect(figure).toMatchObject({
        key: 'page.bytes_gzip',
        unit: 'B',
        value: expected.app_js + expected.styles_css,
        target: { op: '<=', value: 40 * 1024 },
        detail: expected,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('measures the committed page within its target', async () => {
    const [figure] = await pageBytesBenchmark().run();
    expect(figure!.value).toBeGreaterThan(1024);
    expect(figure!.value).toBeLessThanOrEqual(PAGE_BYTES_TARGET);
  });
});
