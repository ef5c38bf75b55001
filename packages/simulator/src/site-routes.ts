import type { IncomingMessage, ServerResponse } from 'node:http';
import { oneLineReason } from '@live-scores/schema';
import { AppliedChange } from './logs.ts';
import type { RunningSimulator } from './simulator-types.ts';
import { SITE_ASSETS } from './site-assets.ts';
import { UnknownMatchError } from './errors.ts';

/** What the routes need from the running simulator. */
export interface SiteContext {
  fixturesPageId: string;
  site: RunningSimulator;
  fixturesPage(): string;
  /** The page's HTML, or null for an unknown match. */
  matchPage(matchId: string): string | null;
  /** False for an unknown match. */
  subscribe(matchId: string, res: ServerResponse): boolean;
  recordApplied(change: AppliedChange): void;
}

const MAX_BEACON_BYTES = 4096;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function html(res: ServerResponse, status: number, body: string): void {
  send(res, status, 'text/html; charset=utf-8', body);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RangeError(`body larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function recordBeacon(req: IncomingMessage, res: ServerResponse, ctx: SiteContext): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req, MAX_BEACON_BYTES));
  } catch (error) {
    json(res, 400, { error: error instanceof RangeError ? error.message : 'expected a JSON body' });
    return;
  }
  const change = AppliedChange.safeParse(body);
  if (!change.success) return json(res, 400, { error: oneLineReason(change.error) });
  ctx.recordApplied(change.data);
  res.writeHead(204).end();
}

function parseCount(value: string | null, fallback: number): number | null {
  if (value === null) return fallback;
  return /^\d{1,6}$/.test(value) ? Number(value) : null;
}

/** Control routes under /__sim/ for tests, the demo and benchmarks. */
async function control(req: IncomingMessage, res: ServerResponse, url: URL, ctx: SiteContext): Promise<void> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const match = /^\/__sim\/matches\/(\d{1,12})\/(step|truth|feed)$/.exec(path);
  const route = match ? `${method} matches/:id/${match[2]}` : `${method} ${path.slice('/__sim/'.length)}`;
  const matchId = match?.[1] ?? '';
  try {
    switch (route) {
      case 'GET matches/:id/feed':
        if (!ctx.subscribe(matchId, res)) json(res, 404, { error: `no match ${matchId} on this site` });
        return;
      case 'POST matches/:id/step': {
        const balls = parseCount(url.searchParams.get('balls'), 1);
        if (!balls) return json(res, 400, { error: 'balls must be a positive whole number' });
        return json(res, 200, ctx.site.step(matchId, balls));
      }
      case 'GET matches/:id/truth': {
        const version = parseCount(url.searchParams.get('version'), -1);
        if (version === null) return json(res, 400, { error: 'version must be a whole number' });
        const status = ctx.site.status().matches.find((m) => m.matchId === matchId);
        if (status && version > status.lastVersion)
          return json(res, 400, { error: `version is at most ${status.lastVersion}` });
        return json(res, 200, ctx.site.truth(matchId, version < 0 ? undefined : version));
      }
      case 'POST applied':
        return await recordBeacon(req, res, ctx);
      case 'GET applied':
        return json(res, 200, ctx.site.appliedLog());
      case 'GET produced':
        return json(res, 200, ctx.site.producedLog());
      case 'POST pause':
        ctx.site.pause();
        return json(res, 200, ctx.site.status());
      case 'POST resume':
        ctx.site.resume();
        return json(res, 200, ctx.site.status());
      case 'GET status':
        return json(res, 200, ctx.site.status());
      default:
        return json(res, 404, { error: `no route ${method} ${path}` });
    }
  } catch (error) {
    if (error instanceof UnknownMatchError) return json(res, 404, { error: error.message });
    throw error;
  }
}

export async function handleSimRequest(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: SiteContext,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  if (url.pathname.startsWith('/__sim/')) return control(req, res, url, ctx);
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'text/plain', 'method not allowed');

  if (url.pathname === '/') {
    res.writeHead(302, { location: `/website/web_pages/${ctx.fixturesPageId}` }).end();
    return;
  }
  if (url.pathname === `/website/web_pages/${ctx.fixturesPageId}`) return html(res, 200, ctx.fixturesPage());
  const asset = SITE_ASSETS[url.pathname];
  if (asset) {
    const body = asset.body();
    res.writeHead(200, {
      'content-type': asset.type,
      'content-length': body.length,
      'cache-control': 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const result = /^\/website\/results\/(\d{1,12})$/.exec(url.pathname);
  const page = result ? ctx.matchPage(result[1] as string) : null;
  if (page !== null) return html(res, 200, page);
  html(res, 404, '<!doctype html><title>Not found</title><h1>Page not found</h1>');
}
