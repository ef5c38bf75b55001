import { runParseCommand } from './parse-command.ts';

export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

/**
 * Every command loads its implementation on demand, so `live-scores parse` does not
 * pay for a browser, a server or the AWS SDK.
 */
export const commands = {
  parse: {
    summary: 'print the Scorecard JSON of a saved match page',
    run: runParseCommand,
  },
  scrape: {
    summary: 'watch live match pages; one ScorecardHtml JSON line per change (--out - or sqs://…)',
    run: async (argv) => (await import('@live-scores/scraper')).runScrapeCommand(argv),
  },
  simulate: {
    summary: 'run the simulated league site on loopback (--port, --speed, --seed, --matches)',
    run: async (argv) => (await import('@live-scores/simulator')).runSimulateCommand(argv),
  },
  vapid: {
    summary: 'generate a VAPID key pair for Web Push (print as environment variables)',
    run: async (argv) => (await import('./vapid-command.ts')).runVapidCommand(argv),
  },
  secrets: {
    summary: 'write a secret of the AWS stack to SSM Parameter Store (value on standard input)',
    run: async (argv) => (await import('./secrets-command.ts')).runSecretsCommand(argv),
  },
  start: {
    summary: 'run the whole system on this machine (a demo without live-scores.config.json)',
    run: async (argv) => (await import('@live-scores/runtime')).runStartCommand(argv),
  },
  dlq: {
    summary: 'list or replay the dead letters of the local runtime (replay while it is stopped)',
    run: async (argv) => (await import('@live-scores/runtime')).runDlqCommand(argv),
  },
  soak: {
    summary:
      'play a simulated match day with injected faults and check it against the ground truth (--short)',
    run: async (argv) => (await import('@live-scores/soak')).runSoakCommand(argv),
  },
  bench: {
    summary: 'run the benchmarks; writes bench/results.json and bench/results.md',
    run: async (argv) => (await import('./bench-command.ts')).runBenchCommand(argv),
  },
} satisfies Record<string, Command>;

export type CommandName = keyof typeof commands;
