import { commands, type CommandName } from './commands.ts';

const USAGE = `live-scores: live cricket scores for a club's supporters

Usage: live-scores <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "live-scores <command> --help" for a command's options.`;

/** Runs one command and returns the process exit code (0 ok, 1 failed, 2 bad usage). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  if (!(name in commands)) {
    console.error(`live-scores: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  return commands[name as CommandName].run(rest);
}
