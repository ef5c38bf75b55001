import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The supporters' page as built into `web/public`. */
export const WEB_PUBLIC_DIR = fileURLToPath(new URL('../../../web/public/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticFile {
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * Headers per web/README.md: the page's own files have stable names, so they are revalidated
 * on every load (`no-cache`); icons never change and are cached for a year. The service
 * worker may control the whole origin.
 */
function headersFor(path: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': path.startsWith('/icons/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (path === '/sw.js') headers['service-worker-allowed'] = '/';
  return headers;
}

/** A file of the page by URL path, or undefined (not found, or outside the folder). */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const path = urlPath === '/' ? '/index.html' : urlPath;
  const relative = normalize(decodeURIComponent(path)).replace(/^[/\\]+/, '');
  if (relative.startsWith('..') || relative.includes(`${sep}..`) || relative.startsWith('.'))
    return undefined;
  if (!CONTENT_TYPES[extname(relative)]) return undefined;
  try {
    return { body: await readFile(join(root, relative)), headers: headersFor(path) };
  } catch {
    return undefined;
  }
}
