import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@live-scores/config';
import { createLogger } from '@live-scores/core';
import { startPushReceiver } from '@live-scores/push-receiver';
import { startRuntime, type Runtime } from '@live-scores/runtime';
import {
  receiveLiveMessage,
  type ConfigFile,
  type LiveMessage,
  type LiveOversMessage,
  type NotificationEvent,
  type Scorecard,
} from '@live-scores/schema';
import { DEMO_CLUB, startSimulator, type RunningSimulator } from '@live-scores/simulator';
import WebSocket from 'ws';
import type { Arrival } from './freshness-correlation.ts';
import { NEVER } from './page-runtime.ts';

export interface LiveStackOptions {
  speed: number;
  oversPerSide: number;
  seed: string;
  /** Every how many overs a score notification goes out. */
  oversInterval: number;
  /** The club's matches today, one per team. */
  matches: number;
}

const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th', '11th', '12th'];

/** A club with `count` Saturday teams, 1st XI to Nth XI, so each match is its own team's. */
function clubTeams(count: number) {
  return ORDINALS.slice(0, count).map((ordinal, i) => ({
    id: i < DEMO_CLUB.teams.length ? DEMO_CLUB.teams[i]!.id : `team${i + 1}`,
    label: `${ordinal} XI`,
    fixturesText: `${DEMO_CLUB.name} - ${ordinal} XI`,
  }));
}

export interface LiveStack {
  simulator: RunningSimulator;
  runtime: Runtime;
  config: ConfigFile;
  /** Scorecards the page's WebSocket received (full, or rebuilt from a diff), stamped on arrival. */
  frames: Arrival<Scorecard>[];
  /** Notification payloads the phone received (confirmation excluded), stamped on arrival. */
  pushes: Arrival<{ title: string; body: string }>[];
  /** Every notification event the runtime queued, as its operator feed reported it. */
  events: NotificationEvent[];
  /** How often the page found a diff that did not fit its card and asked for a sync. */
  readonly syncs: number;
  /** How the server closed the page's socket, if it did before the stack closed. */
  readonly socketClosed: string | undefined;
  close(): Promise<void>;
}

/**
 * What the page does with one frame of the live socket: a scorecard or a diff updates the
 * match's card (the card now held, or `gap` when a diff does not fit it and the page must
 * ask for a sync); an over history is the charts' business and leaves the cards alone.
 */
export function pageReceives(
  cards: Map<string, Scorecard>,
  frame: LiveMessage | LiveOversMessage,
): Scorecard | 'gap' | undefined {
  return frame.type === 'overs' ? undefined : receiveLiveMessage(cards, frame);
}

/** How often the receiver's list is checked for new pushes: the resolution of the push figure. */
const PUSH_STAMP_MS = 2;

/**
 * The whole single-machine system on loopback as a supporter meets it: the simulated league
 * site with the club's matches (one per team), the runtime (real scraper and Chromium, embedded queues),
 * a page's WebSocket on `/live` and a phone's push service subscribed to everything.
 */
export async function startLiveStack(options: LiveStackOptions): Promise<LiveStack> {
  const opened: (() => Promise<void> | void)[] = [];
  const close = async (): Promise<void> => {
    for (const step of opened.reverse()) await step();
    opened.length = 0;
  };
  const teams = clubTeams(options.matches);
  try {
    const simulator = await startSimulator({
      speed: options.speed,
      seed: options.seed,
      matches: options.matches,
      otherMatches: 0,
      club: { name: DEMO_CLUB.name, teams },
      oversPerSide: options.oversPerSide,
      // Time to discover the fixtures and start Chromium before the first ball.
      startDelayMs: 10_000,
    });
    opened.push(() => simulator.close());
    const receiver = await startPushReceiver({ host: '127.0.0.1' });
    opened.push(() => receiver.close());
    const dataDir = await mkdtemp(join(tmpdir(), 'bench-freshness-'));
    opened.push(() => rm(dataDir, { recursive: true, force: true }));

    const config = parseConfig(
      {
        club: { name: DEMO_CLUB.name, shortName: 'Cleckheaton', slug: 'bench-freshness' },
        league: { baseUrl: simulator.baseUrl, fixturesPath: new URL(simulator.fixturesUrl).pathname },
        teams,
        schedule: { timeZone: 'Europe/London', findFixtures: NEVER, sweepScrapers: NEVER },
        // Each push matched to its event: the latency of the pipeline, not of the digest's window.
        notifications: { oversInterval: options.oversInterval, digestSeconds: 0 },
        // Look for each match's scorecard tab every second or two, so it is watched from the first ball.
        scraper: { tabPollSeconds: { min: 1, max: 2 } },
        push: {
          vapidSubject: 'mailto:bench@cleckheatoncc.co.uk',
          allowedHosts: [new URL(receiver.origin).host],
        },
        server: { host: '127.0.0.1', port: 0, dataDir },
      },
      'freshness benchmark configuration',
    );
    const events: NotificationEvent[] = [];
    const runtime = await startRuntime({
      config,
      logger: createLogger({
        service: 'bench',
        level: 'error',
        write: (line) => process.stderr.write(`${line}\n`),
      }),
      feed: {
        fixturesFound: () => {},
        scraperLaunched: () => {},
        scorecard: () => {},
        notification: (event) => void events.push(event),
        note: () => {},
      },
      env: {},
      // The scraper's own info lines would drown the report; warnings and errors still show.
      scraperEnv: { ...process.env, LOG_LEVEL: 'warn' },
      oversPerSide: options.oversPerSide,
    });
    opened.push(() => runtime.close());

    const frames: Arrival<Scorecard>[] = [];
    const socket = new WebSocket(`${runtime.url.replace('http', 'ws')}/live`);
    // The page's part: keep each match's card, apply diffs to it, and sync on a gap.
    const cards = new Map<string, Scorecard>();
    let syncs = 0;
    socket.on('message', (data) => {
      const at = Date.now();
      const card = pageReceives(cards, JSON.parse(String(data)) as LiveMessage | LiveOversMessage);
      if (card === 'gap') {
        syncs++;
        socket.send(JSON.stringify({ action: 'sync' }));
      } else if (card) frames.push({ at, value: card });
    });
    socket.on('error', () => undefined);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    let closedEarly: string | undefined;
    socket.once('close', (code, reason) => (closedEarly = `${code} ${String(reason)}`.trim()));
    opened.push(() => {
      socket.removeAllListeners('close');
      socket.close();
    });

    const phone = receiver.createSubscription('/phone');
    const subscribed = await fetch(`${runtime.url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: phone.endpoint, keys: phone.keys }),
    });
    if (subscribed.status !== 201) throw new Error(`subscribing the phone failed: HTTP ${subscribed.status}`);
    await receiver.waitForReceived(1, 10_000);

    const pushes: Arrival<{ title: string; body: string }>[] = [];
    const stamper = setInterval(() => {
      const at = Date.now();
      // The first push is the subscription's confirmation.
      for (const push of receiver.received.slice(1 + pushes.length))
        pushes.push({ at, value: push.payload as { title: string; body: string } });
    }, PUSH_STAMP_MS);
    opened.push(() => clearInterval(stamper));

    return {
      simulator,
      runtime,
      config,
      frames,
      pushes,
      events,
      get syncs() {
        return syncs;
      },
      get socketClosed() {
        return closedEarly;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
