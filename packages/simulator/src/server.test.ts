import * as cheerio from 'cheerio';
import { Scorecard } from '@live-scores/schema';
import { eventually } from '@live-scores/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './server.ts';
import { startSimulator } from './server.ts';

describe('the simulated league site (manual stepping)', () => {
  let site: RunningSimulator;
  beforeAll(async () => {
    site = await startSimulator({ speed: 0, seed: 'site', matches: 2, otherMatches: 2 });
  });
  afterAll(async () => {
    await site.close();
  });

  it('lists the club’s matches at home and away, and other clubs’ matches, on the fixtures page', async () => {
    const $ = cheerio.load(await (await fetch(site.fixturesUrl)).text());
    const rows = $('tr[onclick]').toArray();
    expect(rows).toHaveLength(4);
    const fixtures = rows.map((row) => ({
      onclick: $(row).attr('onclick'),
      teams: $(row)
        .find('a')
        .map((_, a) => $(a).text())
        .get(),
    }));
    expect(fixtures[0]!.teams[0]).toBe('Cleckheaton CC - 1st XI');
    expect(fixtures[1]!.teams[1]).toBe('Cleckheaton CC - 2nd XI');
    expect(fixtures.slice(2).every((f) => f.teams.every((t) => !t.startsWith('Cleckheaton')))).toBe(true);
    site.matches.forEach((m, i) => {
      expect(fixtures[i]!.onclick).toBe(`window.open('/website/results/${m.matchId}', '_self')`);
      expect(m.url).toBe(`${site.baseUrl}/website/results/${m.matchId}`);
      expect(fixtures[i]!.teams).toEqual([m.home, m.away]);
    });
  });

  it('serves a match page with no scorecard tab before the first ball', async () => {
    const html = await (await fetch(site.matches[1]!.url)).text();
    const $ = cheerio.load(html);
    expect($('#nvScorecardTab-tab')).toHaveLength(0);
    expect($('.container.main-header .match-status').text()).toBe('');
    expect(site.truth(site.matches[1]!.matchId).status).toBe('not-started');
  });

  it('shows the new figures after the match is stepped through the control endpoint', async () => {
    const { matchId, url } = site.matches[0]!;
    const response = await fetch(`${site.baseUrl}/__sim/matches/${matchId}/step?balls=60`, {
      method: 'POST',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      matchId,
      version: 60,
      status: 'in-progress',
      result: null,
    });
    const truth = Scorecard.parse(
      await (await fetch(`${site.baseUrl}/__sim/matches/${matchId}/truth`)).json(),
    );
    const $ = cheerio.load(await (await fetch(url)).text());
    expect($('#nvScorecardTab-tab')).toHaveLength(1);
    expect($('.nvp-scorecard__bottom-info--right span').eq(1).text()).toBe(truth.innings[0]!.total.text);
    expect(truth.innings[0]!.total.text).toMatch(/ \(\d+(\.\d)? Overs, \d+ mins\)$/);
    expect(truth.seq).toBe(60);
  });

  it('plays a match to its result when stepped past the end, and stops there', () => {
    const { matchId } = site.matches[1]!;
    const done = site.step(matchId, 100_000);
    expect(done.status).toBe('complete');
    expect(done.version).toBe(done.lastVersion);
    expect(done.result).toMatch(/WON BY|MATCH TIED|NO RESULT/);
    expect(site.step(matchId).version).toBe(done.lastVersion);
  });

  it('sends the current state and then each new version on the live feed', async () => {
    const { matchId } = site.matches[0]!;
    const controller = new AbortController();
    const response = await fetch(`${site.baseUrl}/__sim/matches/${matchId}/feed`, {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const nextVersion = async (): Promise<number> => {
      for (let reads = 0; reads < 50; reads++) {
        const event = /data: (.*)\n\n/.exec(text);
        if (event) {
          text = text.slice(event.index + event[0].length);
          return (JSON.parse(event[1]!) as { version: number }).version;
        }
        text += decoder.decode((await reader.read()).value);
      }
      throw new Error('no event on the feed');
    };
    const current = site.status().matches[0]!.version;
    expect(await nextVersion()).toBe(current);
    site.step(matchId, 2);
    expect(await nextVersion()).toBe(current + 2);
    controller.abort();
  });

  it('keeps the applied-change log the pages report, and rejects malformed reports', async () => {
    const post = (body: string) => fetch(`${site.baseUrl}/__sim/applied`, { method: 'POST', body });
    const change = { matchId: site.matches[0]!.matchId, version: 3, appliedAt: 1_750_000_000_000 };
    expect((await post(JSON.stringify(change))).status).toBe(204);
    expect((await post('{"matchId":"x"}')).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
    expect(await (await fetch(`${site.baseUrl}/__sim/applied`)).json()).toContainEqual(change);
    expect(site.appliedLog()).toContainEqual(change);
  });

  it('answers bad control requests with 400 and unknown matches with 404', async () => {
    const { matchId } = site.matches[0]!;
    expect(
      (await fetch(`${site.baseUrl}/__sim/matches/${matchId}/step?balls=-2`, { method: 'POST' })).status,
    ).toBe(400);
    expect((await fetch(`${site.baseUrl}/__sim/matches/999/step`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${site.baseUrl}/__sim/matches/999/truth`)).status).toBe(404);
    expect((await fetch(`${site.baseUrl}/website/results/999`)).status).toBe(404);
    expect((await fetch(`${site.baseUrl}/__sim/nothing`)).status).toBe(404);
  });
});

describe('the simulated league site on its clock', () => {
  let site: RunningSimulator;
  beforeAll(async () => {
    // 20,000× plays a seven-hour match in about 1.3 s.
    site = await startSimulator({
      speed: 20_000,
      seed: 'clock',
      matches: 1,
      otherMatches: 0,
      startDelayMs: 150,
    });
  });
  afterAll(async () => {
    await site.close();
  });

  it('waits for the start delay, pauses and resumes, then plays the match to its result', async () => {
    const progress = () => site.status().matches[0]!;
    expect(progress().version).toBe(0);
    await eventually('the first ball', () => progress().version > 0, 2000);
    site.pause();
    const pausedAt = progress().version;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(progress().version).toBe(pausedAt);
    expect(site.status().paused).toBe(true);
    site.resume();
    await eventually('the match to finish', () => progress().status === 'complete', 5000);
    const produced = site.producedLog().map((p) => p.version);
    expect(produced[0]).toBe(0);
    expect(produced).toEqual([...produced].sort((a, b) => a - b));
    expect(produced[produced.length - 1]).toBe(progress().lastVersion);
  });
});

describe('startSimulator', () => {
  it('rejects bad options with a one-line reason', async () => {
    await expect(startSimulator({ speed: -1 })).rejects.toThrow(/^invalid simulator options: speed: /);
  });
});
