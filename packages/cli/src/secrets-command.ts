import { findConfigFile, loadConfigFile } from '@live-scores/config';
import { isSecretParameter, SECRET_PARAMETERS } from '@live-scores/aws/secret-parameters';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';

const NAMES = Object.values(SECRET_PARAMETERS).join('|');

const HELP = `Usage: live-scores secrets put <${NAMES}> [--config FILE] < value

Writes one of the AWS stack's secrets to SSM Parameter Store as a SecureString,
/live-scores/<club slug>/<name>, in the config's aws.region. The value is read from
standard input, so it stays out of shell history and the process list; Terraform never
sees it. Needs AWS credentials allowed ssm:PutParameter on that name.

  --config FILE   the club's config file (default: LIVE_SCORES_CONFIG, else
                  live-scores.config.json in the working directory)`;

export interface SecretsCommandIo {
  /** The value to store; standard input unless a test gives one. */
  readValue?: () => Promise<string>;
  cwd?: string;
}

/** `live-scores secrets put <name>`: the only way a secret value reaches the stack. */
export async function runSecretsCommand(argv: string[], io: SecretsCommandIo = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { config: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`live-scores secrets: ${(error as Error).message}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(HELP);
    return 0;
  }
  const [action, name, ...extra] = parsed.positionals;
  if (action !== 'put' || !name || extra.length > 0) {
    console.error(HELP);
    return 2;
  }
  if (!isSecretParameter(name)) {
    console.error(`live-scores secrets: unknown secret "${name}" (one of ${NAMES})`);
    return 2;
  }
  try {
    const file = await findConfigFile(parsed.values.config, io.cwd);
    if (!file) throw new Error('no config file: give --config or create live-scores.config.json');
    const config = await loadConfigFile(file);
    if (!config.aws) throw new Error(`${file}: no aws section (region) to write the secret in`);
    // A value piped from a file or `echo` ends with a newline that is not part of the key.
    const value = (await (io.readValue ?? (() => text(process.stdin)))()).replace(/\r?\n$/, '');
    const { createSsmSecretWriter } = await import('@live-scores/aws/ssm-secret-writer');
    const writer = createSsmSecretWriter({ clubSlug: config.club.slug, region: config.aws.region });
    const written = await writer.put(name, value);
    console.log(`wrote ${written.name} (version ${written.version})`);
    return 0;
  } catch (error) {
    console.error(`live-scores secrets: ${(error as Error).message}`);
    return 1;
  }
}
