import { OverHistory, type Scorecard } from '@live-scores/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballsUpTo, scorecard, scorecardAfterBall } from './index.ts';

export interface ContractAnswer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

/** One runtime serving the page's API, however its requests arrive. */
export interface PageApiTarget {
  request(
    method: string,
    path: string,
    init?: { headers?: Record<string, string>; body?: string },
  ): Promise<ContractAnswer>;
  /**
   * Hands a scorecard to the runtime's own scorecard consumers that feed the API
   * (store-scorecard, record-overs), and waits until they are done.
   */
  store(scorecard: Scorecard): Promise<void>;
  vapidPublicKey: string;
  /** An origin the runtime's config allows (`server.pageOrigins`). */
  pageOrigin: string;
  close(): Promise<void>;
}

const json = (answer: ContractAnswer): unknown => JSON.parse(answer.body);

/**
 * What the page relies on from `/api/*`, body and status, for any runtime: the local server
 * over loopback and the Lambda functions fed API Gateway events run this same suite. Uses a
 * Cleckheaton config with teams `firstTeam` and `secondTeam`.
 */
export function describePageContract(runtime: string, start: () => Promise<PageApiTarget>): void {
  describe(`the page contract, served by ${runtime}`, () => {
    let target: PageApiTarget;
    const now = new Date().toISOString();
    const first = scorecard({ teamId: 'firstTeam', matchId: '6123456', capturedAt: now, seq: 3 });
    const second = scorecard({ teamId: 'secondTeam', matchId: '6123408', capturedAt: now, seq: 8 });

    beforeAll(async () => {
      target = await start();
    });
    afterAll(async () => {
      await target?.close();
    });

    it('answers an empty list before any scorecard of the day is stored', async () => {
      const answer = await target.request('GET', '/api/scorecards');
      expect([answer.status, json(answer)]).toEqual([200, []]);
    });

    it("answers today's scorecards as JSON that CDNs and browsers may keep for five seconds", async () => {
      await target.store(first);
      await target.store(second);
      const answer = await target.request('GET', '/api/scorecards');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('max-age=5');
      const listed = json(answer) as Scorecard[];
      expect([...listed].sort((a, b) => a.teamId.localeCompare(b.teamId))).toEqual([first, second]);
    });

    it("answers one team's scorecard, with CORS for an embedding club site", async () => {
      const answer = await target.request('GET', '/api/scorecards/firstTeam', {
        headers: { origin: target.pageOrigin },
      });
      expect([answer.status, json(answer)]).toEqual([200, first]);
      expect(answer.headers['access-control-allow-origin']).toBe(target.pageOrigin);
    });

    it('serves the newer of two captures whatever order they are stored in', async () => {
      const newer = { ...first, seq: first.seq + 2 };
      await target.store(newer);
      await target.store({ ...first, seq: first.seq + 1 });
      const answer = await target.request('GET', '/api/scorecards/firstTeam');
      expect(json(answer)).toEqual(newer);
    });

    it('answers 404 with the reason for a team without a scorecard today, or a name that is no team id', async () => {
      const none = await target.request('GET', '/api/scorecards/sundayXI');
      expect([none.status, json(none)]).toEqual([404, { error: 'no scorecard today for team "sundayXI"' }]);
      const odd = await target.request('GET', '/api/scorecards/not%20a%20team');
      expect([odd.status, json(odd)]).toEqual([404, { error: 'no scorecard today for team "not a team"' }]);
    });

    it('answers 400 for a malformed percent escape instead of failing', async () => {
      const answer = await target.request('GET', '/api/scorecards/%E0%A4%A');
      expect([answer.status, json(answer)]).toEqual([400, { error: 'malformed percent escape in the path' }]);
    });

    it('answers 404 for a match report not written yet, and 400 for a match id that is none', async () => {
      const missing = await target.request('GET', '/api/matches/6123456/report');
      expect([missing.status, json(missing)]).toEqual([404, { error: 'no report yet for match 6123456' }]);
      const bad = await target.request('GET', '/api/matches/not-a-match/report');
      expect(bad.status).toBe(400);
    });

    it("answers a match's over history once its scorecards are recorded, 404 with the reason before", async () => {
      const missing = await target.request('GET', '/api/matches/6123499/overs');
      expect([missing.status, json(missing)]).toEqual([
        404,
        { error: 'no over history yet for match 6123499' },
      ]);
      for (const ball of ballsUpTo(7)) await target.store(scorecardAfterBall(ball, '6123499'));
      const answer = await target.request('GET', '/api/matches/6123499/overs', {
        headers: { origin: target.pageOrigin },
      });
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('max-age=5');
      expect(answer.headers['access-control-allow-origin']).toBe(target.pageOrigin);
      const history = OverHistory.parse(json(answer));
      expect(history).toMatchObject({ matchId: '6123499', teamId: 'firstTeam', upTo: { seq: 7 } });
      expect(history.innings[0]?.overs).toEqual([{ over: 1, runs: 6, wickets: 0 }]);
      expect((await target.request('GET', '/api/matches/not-a-match/overs')).status).toBe(400);
    });

    it('hands out the VAPID public key', async () => {
      const answer = await target.request('GET', '/api/vapid-public-key');
      expect([answer.status, json(answer)]).toEqual([200, { publicKey: target.vapidPublicKey }]);
    });

    it('refuses a subscription to a push service that is not allowed, with a one-line reason', async () => {
      const answer = await target.request('POST', '/api/subscriptions', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          endpoint: 'https://evil.example/push',
          keys: { p256dh: target.vapidPublicKey, auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
        }),
      });
      expect(answer.status).toBe(400);
      expect((json(answer) as { error: string }).error).toMatch(/^endpoint: .*evil\.example/);
    });

    it('refuses an unsubscribe without an endpoint', async () => {
      const answer = await target.request('DELETE', '/api/subscriptions', {
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(answer.status).toBe(400);
      expect((json(answer) as { error: string }).error).toMatch(/^endpoint: /);
    });
  });
}
