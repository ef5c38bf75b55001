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
  bench: {
    summary: 'run the benchmarks; writes bench/results.json and bench/results.md',
    run: async (argv) => (await import('./bench-command.ts')).runBenchCommand(argv),
  },
} satisfies Record<string, Command>;

export type CommandName = keyof typeof commands;
