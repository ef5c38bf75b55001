import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { WEB_PUBLIC_DIR } from '@live-scores/runtime';
import type { Benchmark, BenchResult } from '../types.ts';

/** What a supporter's phone downloads to run the page: its script and its stylesheet. */
export const PAGE_ASSETS = ['app.js', 'styles.css'] as const;

/** Gzipped, as the servers send them; a phone on a weak signal at the ground pays for every kilobyte. */
export const PAGE_BYTES_TARGET = 40 * 1024;

/**
 * `page.bytes_gzip`: the committed page bundle (JS + CSS) gzipped at the default level, the
 * files both runtimes serve. The page build's own test keeps the committed files current.
 */
export function pageBytesBenchmark(publicDir: string = WEB_PUBLIC_DIR): Benchmark {
  return {
    name: 'page-bytes',
    async run(): Promise<BenchResult[]> {
      const sizes = await Promise.all(
        PAGE_ASSETS.map(async (file) => gzipSync(await readFile(`${publicDir}${file}`)).length),
      );
      const detail = Object.fromEntries(
        PAGE_ASSETS.map((file, i) => [file.replace('.', '_'), sizes[i] ?? 0]),
      );
      return [
        {
          key: 'page.bytes_gzip',
          label: 'Page JS + CSS, gzipped',
          value: sizes.reduce((sum, size) => sum + size, 0),
          unit: 'B',
          target: { op: '<=', value: PAGE_BYTES_TARGET },
          detail,
        },
      ];
    },
  };
}
