import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@live-scores/core';
import { oneLineReason } from '@live-scores/schema';
import type { PlannedMatch } from './fixture-plan.ts';
import { planFixtures } from './fixture-plan.ts';
import { LiveFeed } from './live-feed.ts';
import type { AppliedChange, ProducedVersion } from './logs.ts';
import { playMatch } from './match.ts';
import type { FixtureRow } from './pages.ts';
import { COOKIE_NAME, renderFixturesPage, renderMatchPage } from './pages.ts';
import { MatchPlayback } from './playback.ts';
import { matchUpdate } from './render-match.ts';
import { resultText } from './result.ts';
import { SimClock } from './sim-clock.ts';
import type { SimulatorOptionsInput } from './simulator-options.ts';
import { SimulatorOptions } from './simulator-options.ts';
import { UnknownMatchError } from './errors.ts';
import { handleSimRequest } from './site-routes.ts';
import { truthScorecard } from './truth.ts';
import type { MatchProgress, RunningSimulator } from './simulator-types.ts';

export type { MatchProgress, RunningSimulator, SimulatedMatch, SimulatorStatus } from './simulator-types.ts';

export interface SimulatorDeps {
  logger?: Logger;
}

const SILENT: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function cookiesAccepted(req: IncomingMessage): boolean {
  return (req.headers.cookie ?? '').split(';').some((c) => c.trim() === `${COOKIE_NAME}=accepted`);
}

/**
 * Starts the simulated league site on loopback. Every match is played in full up
 * front (deterministic for the seed) and revealed ball by ball on the clock.
 */
export async function startSimulator(
  input: SimulatorOptionsInput = {},
  deps: SimulatorDeps = {},
): Promise<RunningSimulator> {
  const parsed = SimulatorOptions.safeParse(input);
  if (!parsed.success) throw new Error(`invalid simulator options: ${oneLineReason(parsed.error)}`);
  const options = parsed.data;
  const logger = deps.logger ?? SILENT;
  const plans = planFixtures(options);
  const playbacks = new Map<string, MatchPlayback>();
  for (const plan of plans) {
    const timeline = playMatch({
      seed: plan.seed,
      home: plan.home,
      away: plan.away,
      oversPerSide: options.oversPerSide,
      outcome: plan.outcome,
    });
    playbacks.set(plan.matchId, new MatchPlayback(plan, timeline, options.speed));
  }

  const clock = new SimClock();
  const feed = new LiveFeed();
  const applied: AppliedChange[] = [];
  const produced: ProducedVersion[] = [];
  const producedAt = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let baseUrl = '';

  const urlOf = (matchId: string) => `${baseUrl}/website/results/${matchId}`;
  const playback = (matchId: string): MatchPlayback => {
    const found = playbacks.get(matchId);
    if (!found) throw new UnknownMatchError(matchId);
    return found;
  };
  const recordProduced = (p: MatchPlayback) => {
    const at = Date.now();
    produced.push({ matchId: p.plan.matchId, version: p.version, producedAt: at });
    producedAt.set(`${p.plan.matchId}:${p.version}`, at);
  };
  const progress = (p: MatchPlayback): MatchProgress => ({
    matchId: p.plan.matchId,
    version: p.version,
    lastVersion: p.lastVersion,
    status: p.state.phase,
    result: p.state.result ? resultText(p.timeline, p.state.result) : null,
  });
  const publish = (p: MatchPlayback, previousPhase: string, previousInnings: number) => {
    recordProduced(p);
    feed.publish(matchUpdate(p.plan.matchId, p.timeline, p.state));
    const fields = { matchId: p.plan.matchId, version: p.version };
    if (previousPhase === 'not-started') logger.info('first ball bowled', fields);
    if (p.state.innings.length > previousInnings && previousInnings > 0)
      logger.info('second innings started', fields);
    if (p.state.phase === 'complete')
      logger.info('match complete', { ...fields, result: progress(p).result });
  };
  const advance = (p: MatchPlayback, move: () => boolean) => {
    const phase = p.state.phase;
    const innings = p.state.innings.length;
    if (move()) publish(p, phase, innings);
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (clock.paused || options.speed === 0) return;
    const next = Math.min(...[...playbacks.values()].map((p) => p.nextDueAt()));
    if (!Number.isFinite(next)) return;
    timer = setTimeout(tick, Math.max(0, Math.ceil(next - clock.elapsed())));
  };
  const tick = () => {
    const now = clock.elapsed();
    for (const p of playbacks.values()) advance(p, () => p.catchUp(now));
    schedule();
  };

  const site: RunningSimulator = {
    baseUrl: '',
    fixturesUrl: '',
    matches: [],
    step(matchId, balls = 1) {
      if (!Number.isInteger(balls) || balls < 1) throw new Error('balls must be a positive whole number');
      const p = playback(matchId);
      advance(p, () => p.step(balls));
      schedule();
      return progress(p);
    },
    truth(matchId, version) {
      const p = playback(matchId);
      const v = version ?? p.version;
      const at = producedAt.get(`${matchId}:${v}`) ?? Date.now();
      return truthScorecard(p.timeline, p.stateAt(v), {
        matchId,
        teamId: p.plan.teamId ?? 'otherClub',
        url: urlOf(matchId),
        capturedAt: new Date(at).toISOString(),
      });
    },
    timeline: (matchId) => playback(matchId).timeline,
    appliedLog: () => [...applied],
    producedLog: () => [...produced],
    pause() {
      clock.pause();
      schedule();
    },
    resume() {
      clock.resume();
      schedule();
    },
    status: () => ({
      paused: clock.paused,
      speed: options.speed,
      feedConnections: feed.connections,
      matches: site.matches.map((m) => ({ ...m, ...progress(playback(m.matchId)) })),
    }),
    async close() {
      if (timer) clearTimeout(timer);
      timer = null;
      feed.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = createServer((req, res) => {
    handleSimRequest(req, res, {
      fixturesPageId: options.fixturesPageId,
      site,
      fixturesPage: () =>
        renderFixturesPage(plans.map(fixtureRow), {
          cookiesAccepted: cookiesAccepted(req),
          title: "Today's matches",
        }),
      matchPage: (matchId) => {
        const p = playbacks.get(matchId);
        if (!p) return null;
        return renderMatchPage(matchUpdate(matchId, p.timeline, p.state), {
          cookiesAccepted: cookiesAccepted(req),
          title: `${p.plan.home.text} v ${p.plan.away.text}`,
        });
      },
      subscribe: (matchId, response) => {
        const p = playbacks.get(matchId);
        if (!p) return false;
        feed.subscribe(matchId, response, matchUpdate(matchId, p.timeline, p.state));
        return true;
      },
      recordApplied: (change) => applied.push(change),
    }).catch((error: unknown) => {
      logger.error('request failed', { url: req.url, error: error instanceof Error ? error : String(error) });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });
  // Keep-alive sockets from page loads must not hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;
  site.baseUrl = baseUrl;
  site.fixturesUrl = `${baseUrl}/website/web_pages/${options.fixturesPageId}`;
  site.matches = plans.map((plan) => ({
    matchId: plan.matchId,
    url: urlOf(plan.matchId),
    home: plan.home.text,
    away: plan.away.text,
    teamId: plan.teamId,
  }));
  for (const p of playbacks.values()) recordProduced(p);
  logger.info('simulator listening', { baseUrl, fixturesUrl: site.fixturesUrl, speed: options.speed });
  schedule();
  return site;
}

function fixtureRow(plan: PlannedMatch): FixtureRow {
  return {
    matchId: plan.matchId,
    home: plan.home.text,
    away: plan.away.text,
    startsAt: plan.teamId ? '12:00' : '12:30',
  };
}
