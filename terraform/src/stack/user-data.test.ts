import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifiedPackSteps } from './user-data.ts';

const run = promisify(execFile);
let dir: string;
let server: Server;
let packUrl: string;
let packSha256: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'live-scores-pack-'));
  // A real tar, built here, standing in for the release asset.
  mkdirSync(path.join(dir, 'content'));
  writeFileSync(path.join(dir, 'content', 'chromium.br'), 'not really chromium');
  await run('tar', ['-c', '-f', path.join(dir, 'pack.tar'), '-C', path.join(dir, 'content'), 'chromium.br']);
  const pack = readFileSync(path.join(dir, 'pack.tar'));
  packSha256 = createHash('sha256').update(pack).digest('hex');
  // `shutdown` recorded instead of obeyed.
  mkdirSync(path.join(dir, 'bin'));
  writeFileSync(
    path.join(dir, 'bin', 'shutdown'),
    `#!/bin/sh\necho "$@" > ${path.join(dir, 'shutdown-called')}\n`,
  );
  chmodSync(path.join(dir, 'bin', 'shutdown'), 0o755);
  server = createServer((_req, res) => res.end(pack));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  packUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pack.tar`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function boot(sha256: string, into: string) {
  const script = [
    'set -euo pipefail',
    ...verifiedPackSteps({ url: packUrl, sha256, file: path.join(dir, 'download.tar'), into }),
  ].join('\n');
  try {
    await run('bash', ['-c', script], {
      env: { PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` },
      timeout: 20_000,
    });
    return 0;
  } catch (error) {
    return (error as { code: number }).code;
  }
}

describe('the scraper host fetching the arm64 Chromium pack', () => {
  it('unpacks the pack when its SHA-256 is the pinned one', async () => {
    const into = path.join(dir, 'good');
    expect(await boot(packSha256, into)).toBe(0);
    expect(readFileSync(path.join(into, 'chromium.br'), 'utf8')).toBe('not really chromium');
    expect(existsSync(path.join(dir, 'download.tar'))).toBe(false);
    expect(existsSync(path.join(dir, 'shutdown-called'))).toBe(false);
  });

  it('unpacks nothing and powers the host off when the download is not the pinned file', async () => {
    const into = path.join(dir, 'bad');
    expect(await boot('0'.repeat(64), into)).toBe(1);
    expect(existsSync(path.join(into, 'chromium.br'))).toBe(false);
    expect(readFileSync(path.join(dir, 'shutdown-called'), 'utf8').trim()).toBe('-h now');
  });
});
