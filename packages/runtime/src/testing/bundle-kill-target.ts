import { copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./kill-target.ts', import.meta.url));
/** Inside the repository, so the bundle's own imports (better-sqlite3, ws, …) resolve as the sources' do. */
const OUT = fileURLToPath(new URL('../../node_modules/.cache/live-scores/kill-target.mjs', import.meta.url));

/**
 * Chromium's driver, which the kill target never starts (its fixtures page is a file and its
 * scraper the stand-in): left out, as loading it is a third of a start's CPU.
 */
const NOT_LOADED = {
  'puppeteer-core': 'export default {}; export class TimeoutError extends Error {}',
  '@sparticuz/chromium': 'export default {};',
};

/**
 * The push encryption pool's worker, which the pool finds beside its own module: beside the
 * bundle, once the pool is inside it.
 */
const ENCRYPT_WORKER = fileURLToPath(new URL('../../../push/src/encrypt-worker.js', import.meta.url));

/** Packages that must load from their own files: a native addon, and a worker pool's worker file. */
const STAY_IMPORTS = ['better-sqlite3', 'piscina'];

/**
 * The kill target with the workspace packages and libraries it runs, bundled into one file:
 * a test that restarts the runtime fifty times pays for transforming the sources and
 * resolving modules once, not fifty times. Returns the bundle's path.
 */
export async function bundleKillTarget(): Promise<string> {
  await build({
    entryPoints: [ENTRY],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // The CommonJS libraries inside still call require() for Node's own modules.
    banner: {
      js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'npm-packages-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path in NOT_LOADED) return { path: args.path, namespace: 'not-loaded' };
            return STAY_IMPORTS.some((name) => args.path === name || args.path.startsWith(`${name}/`))
              ? { path: args.path, external: true }
              : undefined;
          });
          b.onLoad({ filter: /.*/, namespace: 'not-loaded' }, (args) => ({
            contents: NOT_LOADED[args.path as keyof typeof NOT_LOADED],
            loader: 'js',
          }));
        },
      },
    ],
  });
  await copyFile(ENCRYPT_WORKER, join(dirname(OUT), 'encrypt-worker.js'));
  return OUT;
}
