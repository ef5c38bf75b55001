import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { appIcon, badgeIcon } from './icons.ts';

/** The web workspace folder (…/web/). */
export const WEB_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const PUBLIC_DIR = `${WEB_DIR}public/`;

/** A generated file under web/public/ and its exact bytes. */
export interface BuiltFile {
  path: string;
  contents: Uint8Array;
}

const common: BuildOptions = {
  bundle: true,
  minify: true,
  write: false,
  legalComments: 'none',
  charset: 'utf8',
  target: ['es2022', 'chrome100', 'firefox100', 'safari16'],
  absWorkingDir: WEB_DIR,
  logLevel: 'silent',
};

/** Browser entry points → their committed outputs. The page loads app.js as a module; the others are classic scripts. */
const ENTRIES: { entry: string; out: string; options: BuildOptions }[] = [
  { entry: 'src/app.ts', out: 'app.js', options: { format: 'esm' } },
  { entry: 'src/sw.ts', out: 'sw.js', options: { format: 'iife' } },
  { entry: 'src/embed.ts', out: 'live-scores.js', options: { format: 'iife', loader: { '.css': 'text' } } },
  { entry: 'src/styles/page.css', out: 'styles.css', options: {} },
];

async function bundle(entry: string, options: BuildOptions): Promise<Uint8Array> {
  const result = await build({ ...common, ...options, entryPoints: [entry], outfile: 'out' });
  const file = result.outputFiles?.[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.contents;
}

/** Every generated file of web/public/, built in memory: the build writes them, the staleness test compares them. */
export async function buildPublicFiles(): Promise<BuiltFile[]> {
  const bundles = await Promise.all(
    ENTRIES.map(async ({ entry, out, options }) => ({ path: out, contents: await bundle(entry, options) })),
  );
  return [
    ...bundles,
    { path: 'icons/icon-192.png', contents: appIcon(192) },
    { path: 'icons/icon-512.png', contents: appIcon(512) },
    { path: 'icons/badge-96.png', contents: badgeIcon(96) },
  ];
}
