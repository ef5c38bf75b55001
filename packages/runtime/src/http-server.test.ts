import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVapidKeys } from '@live-scores/push';
import { OverHistory, receiveLiveMessage, type LiveMessage, type Scorecard } from '@live-scores/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Runtime } from './runtime.ts';
import { eventually, startTestRuntime } from './testing/harness.ts';

describe('the local HTTP server', () => {
  let runtime: Runtime;
  let dataDir: string;
  const get = (path: string, init?: RequestInit) => fetch(`${runtime.url}${path}`, init);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'runtime-http-'));
    ({ runtime } = await startTestRuntime({
      dataDir,
      scraper: { pages: ['04-mid-innings.html'], intervalMs: 20 },
      config: { server: { host: '127.0.0.1', port: 0, dataDir, pageOrigins: ['https://club.example'] } },
    }));
    await runtime.system.findFixtures();
    await eventually(
      'two scorecards',
      async () => (await runtime.system.health()).lastScorecards.length === 2,
    );
    await runtime.system.idle();
  });
  afterAll(async () => {
    await runtime.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the page with revalidation, icons with long caching, and the service worker for the whole origin', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<html');
    const worker = await get('/sw.js');
    expect([worker.headers.get('content-type'), worker.headers.get('service-worker-allowed')]).toEqual([
      'text/javascript; charset=utf-8',
      '/',
    ]);
    expect((await get('/icons/icon-192.png')).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get('/manifest.webmanifest')).headers.get('content-type')).toBe(
      'application/manifest+json',
    );
    expect((await get('/../package.json')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });

  it('describes the club to the page in /config.json', async () => {
    expect(await (await get('/config.json')).json()).toEqual({
      title: 'Cleckheaton live scores',
      teams: [
        { id: 'firstTeam', label: '1st XI' },
        { id: 'secondTeam', label: '2nd XI' },
      ],
      overs: 50,
      staleSeconds: 600,
      ws: '/live',
      api: '',
      vapidPublicKey: runtime.vapidPublicKey,
    });
  });

  it("answers today's scorecards, one team's, and 404 for a team without one", async () => {
    const all = (await (await get('/api/scorecards')).json()) as { teamId: string }[];
    expect(all.map((s) => s.teamId).sort()).toEqual(['firstTeam', 'secondTeam']);
    const first = await get('/api/scorecards/firstTeam', { headers: { origin: 'https://club.example' } });
    expect(first.headers.get('access-control-allow-origin')).toBe('https://club.example');
    expect(await first.json()).toMatchObject({ teamId: 'firstTeam', status: 'in-progress' });
    const none = await get('/api/scorecards/sundayXI');
    expect([none.status, await none.json()]).toEqual([
      404,
      { error: 'no scorecard today for team "sundayXI"' },
    ]);
  });

  it('reports health: scraper alive, last scorecard per match, queue depths and dead letters', async () => {
    const health = (await (await get('/healthz')).json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      status: 'ok',
      scrapers: [
        { alive: true, pid: expect.any(Number), matchIds: expect.arrayContaining(['6123408', '6123456']) },
      ],
      deadLetters: 0,
    });
    expect((health.lastScorecards as { matchId: string }[]).map((s) => s.matchId).sort()).toEqual([
      '6123408',
      '6123456',
    ]);
    expect((health.queues as { queue: string }[]).map((q) => q.queue).sort()).toEqual([
      'broadcast',
      'html',
      'launch-scraper',
      'match-report',
      'notify-rules',
      'push',
      'record-overs',
      'store-scorecard',
      'teardown-scraper',
      'update-cms',
    ]);
  });

  it('refuses a bad subscription with a one-line reason and hands out the VAPID key', async () => {
    const bad = await get('/api/subscriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        endpoint: 'https://evil.example/push',
        keys: { p256dh: generateVapidKeys().publicKey, auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
      }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^endpoint: /);
    expect(await (await get('/api/vapid-public-key')).json()).toEqual({ publicKey: runtime.vapidPublicKey });
  });

  it('sends the current scorecards on connect, again on sync, and ignores pings', async () => {
    const socket = new WebSocket(`${runtime.url.replace('http', 'ws')}/live`);
    const frames: { type: string; scorecard: { teamId: string } }[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data))));
    await eventually('the current scorecards', () => frames.length === 2);
    socket.send(JSON.stringify({ action: 'ping' }));
    socket.send(JSON.stringify({ action: 'sync' }));
    await eventually('the sync reply', () => frames.length === 4);
    expect(frames.map((f) => [f.type, f.scorecard.teamId])).toEqual([
      ['scorecard', 'firstTeam'],
      ['scorecard', 'secondTeam'],
      ['scorecard', 'firstTeam'],
      ['scorecard', 'secondTeam'],
    ]);
    socket.close();
  });

  it('broadcasts a scorecard published on the topic to open sockets and serves it as the current one', async () => {
    const current = (await (await get('/api/scorecards/firstTeam')).json()) as Scorecard;
    const next: Scorecard = { ...current, seq: current.seq + 1, capturedAt: new Date().toISOString() };
    const socket = new WebSocket(`${runtime.url.replace('http', 'ws')}/live`);
    const seqs: number[] = [];
    const cards = new Map<string, Scorecard>();
    socket.on('message', (data) => {
      const card = receiveLiveMessage(cards, JSON.parse(String(data)) as LiveMessage);
      if (card !== 'gap') seqs.push(card.seq);
    });
    await eventually('the current scorecards', () => seqs.length === 2);
    await runtime.system.publishScorecard(next);
    await eventually('the published scorecard', () => seqs.includes(next.seq));
    await runtime.system.idle();
    expect(await (await get('/api/scorecards/firstTeam')).json()).toEqual(next);
    socket.close();
  });

  it("serves a match's over history as it stands, 404 with the reason for a match without one, 400 for a bad id", async () => {
    const current = (await (await get('/api/scorecards/firstTeam')).json()) as Scorecard;
    const path = `/api/matches/${current.matchId}/overs`;
    const served = await get(path, { headers: { origin: 'https://club.example' } });
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('max-age=5');
    expect(served.headers.get('access-control-allow-origin')).toBe('https://club.example');
    const history = OverHistory.parse(await served.json());
    expect(history).toMatchObject({ matchId: current.matchId, teamId: 'firstTeam' });
    expect(history.innings.map((i) => [i.team, i.latest.runs, i.latest.wickets])).toEqual(
      current.innings.map((i) => [i.team, i.total.runs, i.total.wickets]),
    );

    const none = await get('/api/matches/999999/overs');
    expect([none.status, await none.json()]).toEqual([
      404,
      { error: 'no over history yet for match 999999' },
    ]);
    expect((await get('/api/matches/not-a-match/overs')).status).toBe(400);
    expect((await get(path, { method: 'DELETE' })).status).toBe(405);
  });

  it('serves a match report once the game is over: 404 before, the stored report after, 400 for a bad id', async () => {
    const current = (await (await get('/api/scorecards/secondTeam')).json()) as Scorecard;
    const path = `/api/matches/${current.matchId}/report`;
    const before = await get(path);
    expect(before.status).toBe(404);
    expect(before.headers.get('cache-control')).toBe('no-store');

    const final: Scorecard = {
      ...current,
      seq: current.seq + 1,
      capturedAt: new Date().toISOString(),
      status: 'complete',
      result: 'MATCH ABANDONED',
    };
    await runtime.system.publishScorecard(final);
    await eventually('the report', async () => (await get(path)).status === 200);
    const served = await get(path, { headers: { origin: 'https://club.example' } });
    expect(served.headers.get('content-type')).toMatch(/^application\/json/);
    expect(served.headers.get('access-control-allow-origin')).toBe('https://club.example');
    expect(await served.json()).toEqual({
      matchId: current.matchId,
      teamId: 'secondTeam',
      title: expect.stringContaining('match abandoned'),
      body: expect.stringMatching(/^The match was abandoned before it could be finished\./),
      generatedBy: 'template',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect((await get('/api/matches/not-a-match/report')).status).toBe(400);
    expect((await get(path, { method: 'DELETE' })).status).toBe(405);
    await runtime.system.idle();
  });
});
