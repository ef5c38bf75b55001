import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONFIG_FILE_NAME,
  ConfigError,
  demoConfig,
  findConfigFile,
  loadConfigFile,
  parseConfig,
} from '@live-scores/config';
import { createLogger } from '@live-scores/core';
import { startSimulator, type RunningSimulator } from '@live-scores/simulator';
import type { ConfigFile } from '@live-scores/schema';
import { createOperatorFeed } from './operator-feed.ts';
import { startRuntime, type Runtime } from './runtime.ts';
import { StartupError } from './startup-error.ts';

export const START_USAGE = `Usage: live-scores start [--config FILE | --demo] [--now] [--port PORT] [--speed N]

Runs the whole system on this machine: the schedule, the scraper, the queues, the
page and the APIs. With live-scores.config.json (or --config / LIVE_SCORES_CONFIG)
it follows the club's real league site; with --demo, or when there is no
configuration file at all, it plays a demo against a simulated league site in its
own data dir (data/demo). A data dir belongs to the club or the demo that first
used it: the other is refused there.

  --config FILE  the club's configuration file
  --demo         the demo, even where a configuration file exists
  --now          look for today's fixtures now, not only at the scheduled times
  --port PORT    listen on PORT (default 8080, or PORT); HOST and DATA_DIR are honoured too
  --speed N      demo only: simulated clock speed over real time (default 42, about ten
                 minutes a match; 240 plays one in under two); SIM_SPEED does the same

Exit status: 0 after Ctrl-C/SIGTERM, 78 when it cannot start (bad config, corrupt or
unwritable data dir, port in use: fix and start again), 2 for a bad command line.`;

/** Exit status for "cannot start until the operator fixes something" (sysexits EX_CONFIG). */
export const EXIT_CANNOT_START = 78;

/** Demo matches start this soon, so something happens within a minute of `npm start`. */
const DEMO_FIRST_BALL_MS = 15_000;
const DEMO_SECOND_MATCH_AFTER_MS = 20_000;

export interface StartCommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the operator asks to stop (first Ctrl-C / SIGTERM). */
  stopRequested?: Promise<string>;
}

interface StartArgs {
  config: string | undefined;
  demo: boolean;
  now: boolean;
  port: string | undefined;
  speed: number | undefined;
}

function parseStartArgs(argv: string[], env: NodeJS.ProcessEnv): StartArgs | { help: true } {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      demo: { type: 'boolean', default: false },
      now: { type: 'boolean', default: false },
      port: { type: 'string' },
      speed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const speedText = values.speed ?? env.SIM_SPEED;
  const speed = speedText === undefined ? undefined : Number(speedText);
  if (speed !== undefined && !(Number.isFinite(speed) && speed > 0))
    throw new Error(`--speed: expected a positive number, got "${speedText}"`);
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port))
    throw new Error(`--port: expected a port number, got "${values.port}"`);
  if (values.demo && values.config !== undefined) throw new Error('--demo and --config: choose one');
  return { config: values.config, demo: values.demo, now: values.now, port: values.port, speed };
}

/**
 * `npm start` forwards the terminal's Ctrl-C to us while the terminal sends it too, so one
 * keypress arrives as two signals this close together; only a later one means "force it".
 */
const REPEATED_SIGNAL_MS = 1_500;

/** The signals that stop the runtime: the first asks politely, a second Ctrl-C forces the exit. */
function stopSignal(err: (line: string) => void): Promise<string> {
  return new Promise((resolvePromise) => {
    let askedAt: number | undefined;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (askedAt !== undefined) {
        if (Date.now() - askedAt < REPEATED_SIGNAL_MS) return;
        err('live-scores: stopping now');
        process.exit(130);
      }
      askedAt = Date.now();
      resolvePromise(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function demoSetup(
  args: StartArgs,
  env: NodeJS.ProcessEnv,
  out: (line: string) => void,
): Promise<{ config: ConfigFile; simulator: RunningSimulator }> {
  const simulator = await startSimulator({
    speed: args.speed ?? 42,
    seed: Date.now() % 1_000_000,
    matches: 2,
    otherMatches: 2,
    startDelayMs: DEMO_FIRST_BALL_MS,
    staggerMs: DEMO_SECOND_MATCH_AFTER_MS,
  });
  const raw = demoConfig(simulator.baseUrl, new URL(simulator.fixturesUrl).pathname);
  const dataDir = env.DATA_DIR ?? join('data', 'demo');
  const config = parseConfig({ ...raw, server: { dataDir } }, 'demo configuration', env);
  out(`demo: simulated league site at ${simulator.baseUrl} (fixtures: ${simulator.fixturesUrl})`);
  out(`demo: two club matches, first ball in ${DEMO_FIRST_BALL_MS / 1000} s, clock x${args.speed ?? 42}`);
  return { config, simulator };
}

/** `live-scores start`: runs until Ctrl-C / SIGTERM; resolves with the exit status. */
export async function runStartCommand(argv: string[], io?: Partial<StartCommandIo>): Promise<number> {
  const out = io?.out ?? ((line: string) => void process.stdout.write(line + '\n'));
  const err = io?.err ?? ((line: string) => void process.stderr.write(line + '\n'));
  const env = { ...(io?.env ?? process.env) };

  let args: StartArgs;
  try {
    const parsed = parseStartArgs(argv, env);
    if ('help' in parsed) {
      out(START_USAGE);
      return 0;
    }
    args = parsed;
  } catch (error) {
    err(`live-scores start: ${(error as Error).message}\n\n${START_USAGE}`);
    return 2;
  }
  if (args.port !== undefined) env.PORT = args.port;

  const logger = createLogger({ service: 'live-scores' });
  const feed = createOperatorFeed(out);
  let simulator: RunningSimulator | undefined;
  let runtime: Runtime | undefined;
  const stopRequested = io?.stopRequested ?? stopSignal(err);

  try {
    // Only "no such file" means no configuration: anything else wrong with it stops here.
    const file = args.demo ? undefined : await findConfigFile(args.config, process.cwd(), env);
    let config: ConfigFile;
    if (file) {
      config = await loadConfigFile(file, env);
      out(`mode:     club — ${config.club.name}, ${config.teams.length} team(s), config ${file}`);
      if (args.speed !== undefined) out('note: --speed only applies to the demo; ignored');
    } else {
      const leftover = args.demo
        ? await findConfigFile(undefined, process.cwd(), env).catch(() => undefined)
        : undefined;
      out(
        args.demo
          ? `mode:     demo (--demo)${leftover ? `; ${leftover} is not used` : ''}`
          : `mode:     demo — no ${CONFIG_FILE_NAME} in ${process.cwd()} (use --config FILE for a club, --demo to say demo)`,
      );
      ({ config, simulator } = await demoSetup(args, env, out));
    }
    runtime = await startRuntime({
      config,
      // Each demo is a new match day on a new simulated site: yesterday's demo matches would
      // point at a site that is gone. Only the demo's own data dir is cleared, never a club's.
      logger,
      feed,
      env,
      mode: simulator ? 'demo' : 'club',
      discoverNow: args.now || simulator !== undefined,
    });

    out(`page:     ${runtime.url}/`);
    out(`health:   ${runtime.url}/healthz`);
    out(`data dir: ${runtime.dataDir}`);
    out(
      file
        ? `fixtures: ${config.schedule.findFixtures} (${config.schedule.timeZone})`
        : 'looking for fixtures now',
    );
    out('Ctrl-C to stop');

    const signal = await stopRequested;
    out(`stopping (${signal})…`);
    const started = Date.now();
    await runtime.close();
    await simulator?.close();
    out(`stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Everything is closed; a stray keep-alive socket must not hold the process open.
    if (!io?.stopRequested) setTimeout(() => process.exit(0), 500).unref();
    return 0;
  } catch (error) {
    await runtime?.close().catch(() => undefined);
    await simulator?.close().catch(() => undefined);
    if (error instanceof ConfigError || error instanceof StartupError) {
      err(`live-scores start: ${error.message}`);
      return EXIT_CANNOT_START;
    }
    throw error;
  }
}
