import { parseArgs } from 'node:util';
import type { Logger } from '@live-scores/core';
import { createLogger } from '@live-scores/core';
import type { RunningSimulator } from './server.ts';
import { startSimulator } from './server.ts';
import type { SimulatorOptionsInput } from './simulator-options.ts';

export interface SimulateCommandIo {
  logger?: Logger;
  /** Stops the simulator when aborted (tests); SIGINT and SIGTERM always do. */
  signal?: AbortSignal;
  /** Called once the site is up, e.g. to print or to drive it. */
  onStarted?: (site: RunningSimulator) => void;
}

export const SIMULATE_USAGE =
  'usage: live-scores simulate [--port 8081] [--host 127.0.0.1] [--speed N] [--seed S] [--matches N] ' +
  '[--other-matches N] [--start-delay SECONDS] [--overs N]';

function whole(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} expects a whole number, got "${value}"`);
  return Number(value);
}

function decimal(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new Error(`--${name} expects a number, got "${value}"`);
  return Number(value);
}

/** Reads `simulate` flags into simulator options; throws a one-line reason for bad flags. */
export function parseSimulateArgs(argv: string[]): SimulatorOptionsInput {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        speed: { type: 'string' },
        seed: { type: 'string' },
        matches: { type: 'string' },
        'other-matches': { type: 'string' },
        'start-delay': { type: 'string' },
        overs: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; ${SIMULATE_USAGE}`);
  }
  const startDelay = decimal('start-delay', values['start-delay']);
  const options: SimulatorOptionsInput = {
    port: whole('port', values.port) ?? 8081,
    host: values.host,
    speed: decimal('speed', values.speed),
    seed: values.seed,
    matches: whole('matches', values.matches),
    otherMatches: whole('other-matches', values['other-matches']),
    startDelayMs: startDelay === undefined ? undefined : Math.round(startDelay * 1000),
    oversPerSide: whole('overs', values.overs),
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/**
 * `live-scores simulate`: runs the simulated league site until SIGINT/SIGTERM.
 * Resolves with the exit code; the URLs go to stderr as JSON log lines.
 */
export async function runSimulateCommand(argv: string[], io: SimulateCommandIo = {}): Promise<number> {
  const logger = io.logger ?? createLogger({ service: 'simulator' });
  let site: RunningSimulator;
  try {
    site = await startSimulator(parseSimulateArgs(argv), { logger });
  } catch (error) {
    logger.error('simulator did not start', {
      reason: error instanceof Error ? error.message : String(error),
    });
    return 1;
  }
  for (const m of site.matches) {
    logger.info('match', { matchId: m.matchId, url: m.url, home: m.home, away: m.away, teamId: m.teamId });
  }
  io.onStarted?.(site);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (io.signal?.aborted) stop();
    else io.signal?.addEventListener('abort', stop, { once: true });
  });
  await site.close();
  logger.info('simulator stopped');
  return 0;
}
