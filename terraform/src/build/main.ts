/**
 * `npm run build -w @live-scores/terraform`: every Lambda entry in the manifest and the
 * scraper host, bundled into `terraform/dist`. Fails, naming them, when entries are missing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUNCTIONS } from '../manifest.ts';
import { type BundleResult, bundleFunction, bundleScraper } from './bundle.ts';

const terraformDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = path.resolve(terraformDir, '..');
const distDir = path.join(terraformDir, 'dist');

const jobs: { name: string; run: () => Promise<BundleResult> }[] = [
  ...FUNCTIONS.map((spec) => ({
    name: spec.name,
    run: () => bundleFunction(spec, path.join(repoRoot, 'functions/src'), distDir),
  })),
  { name: 'scraper', run: () => bundleScraper(path.join(repoRoot, 'scraper/src/main.ts'), distDir) },
];

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

const failures: string[] = [];
for (const job of jobs) {
  try {
    const result = await job.run();
    const largest = Object.entries(result.bytesBySource)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 3)
      .map(([source, bytes]) => `${source} ${kib(bytes)}`)
      .join(', ');
    process.stdout.write(
      `${result.name.padEnd(20)} ${kib(result.bytes).padStart(10)}  ${path.relative(repoRoot, result.outfile)}  (largest: ${largest})\n`,
    );
  } catch (error) {
    failures.push(`${job.name}: ${(error as Error).message.split('\n')[0]}`);
  }
}
if (failures.length > 0) {
  process.stderr.write(
    `build failed for ${failures.length} bundle(s):\n${failures.map((f) => `  ${f}`).join('\n')}\n`,
  );
  process.exit(1);
}
