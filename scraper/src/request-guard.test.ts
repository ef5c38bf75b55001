import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryLogger } from '@live-scores/core';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, chromiumArgs } from './browser.ts';
import { guardPageRequests, isNonPublicAddress, requestPolicyFor, requestVerdict } from './request-guard.ts';

const policy = requestPolicyFor('https://bradfordcl.play-cricket.com/website/results/6123456', [
  '*.play-cricket.com',
  'cdnjs.cloudflare.com',
]);
const verdict = (url: string, type = 'script') => requestVerdict(url, type, policy);

describe('what a watched page may load', () => {
  it('loads its league site and the allowed hosts', () => {
    expect(verdict('https://bradfordcl.play-cricket.com/website/results/6123456', 'document')).toEqual({
      allow: true,
    });
    expect(verdict('https://assets.play-cricket.com/live.js')).toEqual({ allow: true });
    expect(verdict('https://cdnjs.cloudflare.com/ajax/libs/jquery.min.js')).toEqual({ allow: true });
    expect(verdict('wss://bradfordcl.play-cricket.com/socket', 'websocket')).toEqual({ allow: true });
    expect(verdict('data:text/plain,hello', 'fetch')).toEqual({ allow: true });
  });

  it('blocks every other host, and look-alikes of allowed ones', () => {
    for (const url of [
      'https://tracker.example.net/pixel.js',
      'https://play-cricket.com.evil.net/x.js',
      'https://evilplay-cricket.com/x.js',
      'https://cdnjs.cloudflare.com.evil.net/x.js',
    ])
      expect(verdict(url), url).toEqual({ allow: false, reason: 'host not on scraper.allowedHosts' });
  });

  it('never reaches loopback, private or link-local addresses, the metadata service included', () => {
    for (const url of [
      'http://127.0.0.1:8080/healthz',
      'http://localhost:8080/api/scorecards',
      'http://[::1]:8080/',
      'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal/',
      'http://10.0.0.5/',
      'http://172.16.3.4/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://2130706433/', // 127.0.0.1 written as one number
      'http://0x7f.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
    ])
      expect(verdict(url, 'fetch'), url).toEqual({
        allow: false,
        reason: 'loopback, private or link-local address',
      });
  });

  it('does not take public address literals either: only named, allowed hosts', () => {
    expect(verdict('http://203.0.113.7/x.js')).toEqual({
      allow: false,
      reason: 'address literal not allowed',
    });
  });

  it('skips what a scorecard never needs: images, media and fonts, even from the league site', () => {
    for (const type of ['image', 'media', 'font'])
      expect(verdict('https://bradfordcl.play-cricket.com/logo.png', type)).toEqual({
        allow: false,
        reason: `${type} not needed`,
      });
  });

  it('refuses other schemes', () => {
    expect(verdict('file:///etc/passwd', 'document')).toEqual({ allow: false, reason: 'file: not allowed' });
  });

  it('allows the league site itself on loopback, as the demo runs it, but not its neighbours', () => {
    const local = requestPolicyFor('http://127.0.0.1:8081/website/results/1');
    expect(requestVerdict('http://127.0.0.1:8081/live/1', 'eventsource', local)).toEqual({ allow: true });
    expect(requestVerdict('http://127.0.0.1:8080/healthz', 'fetch', local).allow).toBe(false);
  });

  it('knows which addresses are not public', () => {
    for (const address of ['127.0.0.1', '::1', '[::1]', '169.254.1.1', '0.0.0.0', '224.0.0.1'])
      expect(isNonPublicAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:db8::1', 'example.com'])
      expect(isNonPublicAddress(address), address).toBe(false);
  });
});

describe('Chromium flags for a long-running server browser', () => {
  it('keep web security, site isolation and insecure-content blocking on', () => {
    const args = chromiumArgs({ uid: 1000 });
    for (const flag of [
      '--disable-web-security',
      '--allow-running-insecure-content',
      '--disable-site-isolation-trials',
      '--no-sandbox',
      '--disable-setuid-sandbox',
      '--single-process',
    ])
      expect(args).not.toContain(flag);
    expect(args.some((a) => /IsolateOrigins|site-per-process/.test(a))).toBe(false);
  });

  it('turn the sandbox off only as root, where Chromium cannot start with it, or when told to', () => {
    expect(chromiumArgs({ uid: 0 })).toContain('--no-sandbox');
    expect(chromiumArgs({ uid: 1000, sandbox: false })).toContain('--no-sandbox');
    expect(chromiumArgs({ uid: 1000 })).not.toContain('--no-sandbox');
  });
});

describe('a guarded page in real Chromium', () => {
  let browser: Browser;
  let site: Server;
  let canary: Server;
  const canaryHits: string[] = [];
  let siteUrl: string;

  const listen = async (server: Server): Promise<number> => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };

  beforeAll(async () => {
    // Something else on this machine (the local runtime, a metadata service) that a script
    // on the league's page would like to read.
    canary = createServer((request, response) => {
      canaryHits.push(request.url ?? '');
      response.writeHead(200, { 'access-control-allow-origin': '*' });
      response.end('secret');
    });
    const canaryPort = await listen(canary);
    site = createServer((request, response) => {
      if (request.url === '/data.json') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"ok":true}');
        return;
      }
      if (request.url !== '/') {
        response.writeHead(200, { 'content-type': 'image/png' });
        response.end(Buffer.alloc(64));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<!doctype html><html><body>
        <img src="/logo.png">
        <script>
          window.results = {};
          const read = (name, url) => fetch(url).then((r) => r.text()).then(
            (text) => { window.results[name] = text; },
            () => { window.results[name] = 'blocked'; });
          Promise.all([
            read('own', '/data.json'),
            read('neighbour', 'http://127.0.0.1:${canaryPort}/healthz'),
            read('metadata', 'http://169.254.169.254/latest/meta-data/'),
            read('elsewhere', 'https://tracker.example.net/t.js'),
          ]).then(() => { window.done = true; });
        </script></body></html>`);
    });
    siteUrl = `http://127.0.0.1:${await listen(site)}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    site?.close();
    canary?.close();
  });

  it('lets the page read its own site and nothing else, and says once per host what it blocked', async () => {
    const logger = createMemoryLogger();
    const page = await browser.newPage();
    const images: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.resourceType() === 'image') images.push(request.url());
    });
    await guardPageRequests(page, requestPolicyFor(siteUrl), logger, { matchId: '1' });
    await page.goto(siteUrl);
    await page.waitForFunction('window.done === true');
    expect(await page.evaluate('window.results')).toEqual({
      own: '{"ok":true}',
      neighbour: 'blocked',
      metadata: 'blocked',
      elsewhere: 'blocked',
    });
    expect(canaryHits).toEqual([]);
    expect(images).toEqual([`${siteUrl}logo.png`]);
    const blocked = logger.lines.filter((l) => l.message === 'page request blocked');
    expect(blocked.map((l) => l.reason).sort()).toEqual([
      'host not on scraper.allowedHosts',
      'loopback, private or link-local address',
      'loopback, private or link-local address',
    ]);
    expect(blocked.every((l) => l.matchId === '1')).toBe(true);
    await page.close();
  });
});
