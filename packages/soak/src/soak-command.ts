import { parseArgs } from 'node:util';
import { FULL_DAY, SHORT_DAY } from './soak-options.ts';
import { runSoak } from './run-soak.ts';

export const SOAK_USAGE = 'usage: live-scores soak [--short] [--seed <text>]';

export interface SoakCommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const stdio: SoakCommandIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

/** `live-scores soak`: plays a faulty match day, prints the summary table; exit 1 when a check fails. */
export async function runSoakCommand(argv: string[], io: SoakCommandIo = stdio): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { short: { type: 'boolean', default: false }, seed: { type: 'string' } },
    }));
  } catch (error) {
    io.err(`live-scores soak: ${(error as Error).message}`);
    io.err(SOAK_USAGE);
    return 2;
  }
  const preset = values.short ? SHORT_DAY : FULL_DAY;
  const report = await runSoak({ ...preset, seed: values.seed ?? preset.seed }, (line) =>
    io.err(`soak: ${line}`),
  );
  io.out(report.table);
  return report.passed ? 0 : 1;
}
