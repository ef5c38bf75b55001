import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionSpec } from '../manifest.ts';
import { bundleFunction } from './bundle.ts';

const spec: FunctionSpec = {
  name: 'echo',
  entry: 'echo.ts',
  description: 'test entry',
  memoryMb: 128,
  timeoutSeconds: 3,
  architecture: 'arm64',
  runtime: 'nodejs22.x',
  trigger: { kind: 'websocket', route: 'sync' },
  env: [],
  uses: [],
};

let workDir: string;
beforeAll(async () => {
  // Inside the workspace (git-ignored dist/), so the entry resolves the repository's packages.
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
  await mkdir(dist, { recursive: true });
  workDir = await mkdtemp(path.join(dist, 'bundle-test-'));
  await writeFile(
    path.join(workDir, 'echo.ts'),
    [
      "import { SQSClient } from '@aws-sdk/client-sqs';",
      "import { ScorecardHtml } from '@live-scores/schema';",
      'export const handler = async (event: unknown) => ({ ok: ScorecardHtml.safeParse(event).success, sdk: typeof SQSClient });',
    ].join('\n'),
  );
  await writeFile(
    path.join(workDir, 'game-over.ts'),
    [
      "import { GAME_OVER_FILTER_POLICY } from '@live-scores/core';",
      'export const handler = async () => GAME_OVER_FILTER_POLICY;',
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('bundleFunction', () => {
  it('writes an ESM index.mjs with a source map that exports the handler, leaving the AWS SDK to the runtime', async () => {
    const result = await bundleFunction(spec, workDir, path.join(workDir, 'dist'));
    expect(result.outfile).toBe(path.join(workDir, 'dist/functions/echo/index.mjs'));
    const code = await readFile(result.outfile, 'utf8');
    expect(code).toMatch(/from"@aws-sdk\/client-sqs"/);
    expect(code).not.toContain('class SQSClient');
    await expect(readFile(`${result.outfile}.map`, 'utf8')).resolves.toContain('"sources"');

    const module = (await import(pathToFileURL(result.outfile).href)) as {
      handler: (e: unknown) => Promise<unknown>;
    };
    await expect(module.handler({ not: 'a page' })).resolves.toEqual({ ok: false, sdk: 'function' });
  });

  it('bundles only the workspace modules whose exports the handler uses, not all its index re-exports', async () => {
    const result = await bundleFunction(
      { ...spec, name: 'game-over', entry: 'game-over.ts' },
      workDir,
      path.join(workDir, 'dist'),
    );
    const sources = Object.keys(result.bytesBySource);
    expect(sources).toContain('packages/core');
    // @live-scores/core's index also re-exports the parse use case (parser, cheerio) and the rest.
    expect(sources.filter((s) => /^(packages\/(parser|notify)|cheerio|undici|zod)$/.test(s))).toEqual([]);
    expect(result.bytes).toBeLessThan(10 * 1024);
    const module = (await import(pathToFileURL(result.outfile).href)) as { handler: () => Promise<unknown> };
    await expect(module.handler()).resolves.toEqual({ status: ['complete'] });
  });

  it('names the function whose entry is missing', async () => {
    await expect(
      bundleFunction({ ...spec, entry: 'missing.ts' }, workDir, path.join(workDir, 'dist')),
    ).rejects.toThrow(/^echo: entry .*missing\.ts does not exist$/);
  });
});
