/** What the page's own files are, by extension; anything else is not served. */
export const PAGE_CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const SERVICE_WORKER_PATH = '/sw.js';

export interface PageFileHeaders {
  'content-type': string;
  'cache-control': string;
  'x-content-type-options': 'nosniff';
  /** Only on the service worker: it may control the whole origin. */
  'service-worker-allowed'?: '/';
}

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(dot) : '';
}

/**
 * Headers per web/README.md, for the local server and the CDN alike: the page's own files
 * have stable names, so they are revalidated on every load (`no-cache`); icons never change
 * and are cached for a year. Undefined: not a file of the page.
 */
export function pageFileHeaders(urlPath: string): PageFileHeaders | undefined {
  const contentType = PAGE_CONTENT_TYPES[extensionOf(urlPath)];
  if (!contentType) return undefined;
  return {
    'content-type': contentType,
    'x-content-type-options': 'nosniff',
    'cache-control': urlPath.startsWith('/icons/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(urlPath === SERVICE_WORKER_PATH ? { 'service-worker-allowed': '/' as const } : {}),
  };
}
