import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageFileHeaders } from '@live-scores/core';

/** The supporters' page as built into `web/public`. */
export const WEB_PUBLIC_DIR = fileURLToPath(new URL('../../../web/public/', import.meta.url));

export interface StaticFile {
  body: Buffer;
  headers: Record<string, string>;
}

/** A file of the page by URL path, or undefined (not found, or outside the folder). */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const path = urlPath === '/' ? '/index.html' : urlPath;
  const relative = normalize(decodeURIComponent(path)).replace(/^[/\\]+/, '');
  if (relative.startsWith('..') || relative.includes(`${sep}..`) || relative.startsWith('.'))
    return undefined;
  const headers = pageFileHeaders(path);
  if (!headers) return undefined;
  try {
    return { body: await readFile(join(root, relative)), headers: { ...headers } };
  } catch {
    return undefined;
  }
}
