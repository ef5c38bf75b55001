import { build, type BuildOptions } from 'esbuild';
import { cp, mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionSpec } from '../manifest.ts';
import { CHROMIUM_BIN_DIR, chromiumBinPlugin } from './chromium-bin-plugin.ts';
import { sideEffectFreeWorkspaces } from './side-effect-free-workspaces.ts';

/** What one bundle came to, for the build's summary. */
export interface BundleResult {
  name: string;
  outfile: string;
  bytes: number;
  /** Bytes of output per source package (`node_modules` package name or workspace folder). */
  bytesBySource: Record<string, number>;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * ESM output still meets CommonJS dependencies that call `require` on Node built-ins (and
 * read `__dirname`): give the bundle both, as Node would.
 */
const COMMONJS_SHIMS = [
  "import { createRequire as __liveScoresCreateRequire } from 'node:module';",
  "import { fileURLToPath as __liveScoresFileUrlToPath } from 'node:url';",
  'const require = __liveScoresCreateRequire(import.meta.url);',
  'const __filename = __liveScoresFileUrlToPath(import.meta.url);',
  "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
].join('\n');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  treeShaking: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: COMMONJS_SHIMS },
  metafile: true,
  plugins: [chromiumBinPlugin, sideEffectFreeWorkspaces(path.join(REPO_ROOT, 'packages'))],
};

/** `node_modules/cheerio/dist/…` → `cheerio`; `packages/core/src/…` → `packages/core`. */
function sourceOf(input: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return (
    dependency?.[1] ?? path.relative(REPO_ROOT, path.resolve(input)).split(path.sep).slice(0, 2).join('/')
  );
}

async function bundle(options: BuildOptions & { outfile: string }, name: string): Promise<BundleResult> {
  const { metafile } = await build({ ...common, ...options });
  const output = Object.entries(metafile?.outputs ?? {}).find(
    ([file]) => path.resolve(file) === options.outfile,
  )?.[1];
  const bytesBySource: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const source = sourceOf(input);
    bytesBySource[source] = (bytesBySource[source] ?? 0) + bytesInOutput;
  }
  return { name, outfile: options.outfile, bytes: await sizeOf(options.outfile), bytesBySource };
}

async function assertExists(file: string, what: string): Promise<void> {
  try {
    await stat(file);
  } catch {
    throw new Error(`${what}: entry ${file} does not exist`);
  }
}

async function sizeOf(file: string): Promise<number> {
  return (await stat(file)).size;
}

/** The brotli-compressed Chromium shipped with the npm package (x86_64 only). */
async function copyChromiumBinaries(outDir: string): Promise<void> {
  // The package exports no `./package.json`: walk up from its CommonJS entry (build/cjs/).
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const packageDir = path.resolve(path.dirname(entry), '..', '..');
  await cp(path.join(packageDir, 'bin'), path.join(outDir, CHROMIUM_BIN_DIR), { recursive: true });
}

/**
 * `dist/functions/<name>/index.mjs` (+ source map). The AWS SDK v3 is left out: the
 * nodejs22.x runtime provides it, which keeps every bundle small and cold starts short.
 */
export async function bundleFunction(
  spec: FunctionSpec,
  functionsSrc: string,
  distDir: string,
): Promise<BundleResult> {
  const entry = path.join(functionsSrc, spec.entry);
  await assertExists(entry, spec.name);
  const outDir = path.join(distDir, 'functions', spec.name);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const outfile = path.join(outDir, 'index.mjs');
  const result = await bundle({ entryPoints: [entry], outfile, external: ['@aws-sdk/*'] }, spec.name);
  if (spec.chromium) await copyChromiumBinaries(outDir);
  return result;
}

/**
 * `dist/scraper/index.mjs`: the scraper host bundle, AWS SDK included (EC2 has none).
 * Chromium for arm64 is not in the npm package: the host's user data fetches it into
 * `chromium-bin/` beside the bundle.
 */
export async function bundleScraper(entry: string, distDir: string): Promise<BundleResult> {
  await assertExists(entry, 'scraper');
  const outDir = path.join(distDir, 'scraper');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const outfile = path.join(outDir, 'index.mjs');
  return bundle({ entryPoints: [entry], outfile }, 'scraper');
}

/**
 * The code a function's bundle would hold, readable: the production options (tree-shaken,
 * the same workspace libraries side-effect free) without minifying or writing anything.
 * The stack coherence test reads which environment variables a handler really reads.
 */
export async function functionBundleText(spec: FunctionSpec, functionsSrc: string): Promise<string> {
  const entry = path.join(functionsSrc, spec.entry);
  await assertExists(entry, spec.name);
  const { outputFiles } = await build({
    ...common,
    entryPoints: [entry],
    outfile: path.join(tmpdir(), 'live-scores-unwritten', spec.name, 'index.mjs'),
    external: ['@aws-sdk/*'],
    minify: false,
    sourcemap: false,
    metafile: false,
    write: false,
    logLevel: 'silent',
  });
  const js = outputFiles.find((file) => file.path.endsWith('.mjs'));
  if (!js) throw new Error(`${spec.name}: esbuild produced no bundle`);
  return js.text;
}
