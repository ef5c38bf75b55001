import { parseArgs } from 'node:util';

export async function runBenchCommand(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const { runBenchmarks } = await import('@live-scores/bench');
  const results = await runBenchmarks(positionals.length > 0 ? positionals : undefined);
  return results.every((r) => r.pass !== false) ? 0 : 1;
}
