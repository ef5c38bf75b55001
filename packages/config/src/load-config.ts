import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigFile, formatIssues } from '@live-scores/schema';

export const CONFIG_FILE_NAME = 'live-scores.config.json';

/** A configuration that cannot be used: one line for one problem, else a line per bad field. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      problems.length === 1
        ? `${file}: ${problems[0]}`
        : `${file}: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const READ_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a path component is not a directory',
  ELOOP: 'too many symbolic links',
};

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${READ_ERRORS[code] ?? 'error'} (${code})` : String(error);
}

/** Settings the environment may override, so one file serves a laptop and a server. */
export interface ConfigEnvironment {
  PORT?: string;
  HOST?: string;
  DATA_DIR?: string;
  PUSH_ALLOWED_HOSTS?: string;
  PUBLIC_URL?: string;
}

function overlayEnvironment(raw: unknown, env: ConfigEnvironment): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const config = { ...(raw as Record<string, unknown>) };
  const server = { ...((config.server as Record<string, unknown> | undefined) ?? {}) };
  if (env.PORT !== undefined) server.port = /^\d+$/.test(env.PORT) ? Number(env.PORT) : env.PORT;
  if (env.HOST) server.host = env.HOST;
  if (env.DATA_DIR) server.dataDir = env.DATA_DIR;
  if (env.PUBLIC_URL) server.publicUrl = env.PUBLIC_URL;
  config.server = server;
  if (env.PUSH_ALLOWED_HOSTS !== undefined && typeof config.push === 'object' && config.push !== null) {
    const hosts = env.PUSH_ALLOWED_HOSTS.split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    config.push = { ...(config.push as Record<string, unknown>), allowedHosts: hosts };
  }
  return config;
}

/** Validates an already-read configuration value (with environment overrides applied). */
export function parseConfig(raw: unknown, file: string, env: ConfigEnvironment = {}): ConfigFile {
  const result = ConfigFile.safeParse(overlayEnvironment(raw, env));
  if (!result.success) throw new ConfigError(file, formatIssues(result.error));
  return result.data;
}

/**
 * Reads and validates a configuration file. Errors name the file and every bad field,
 * one line each, e.g. `teams[1].fixturesText: expected a non-empty string`.
 */
export async function loadConfigFile(
  file: string,
  env: ConfigEnvironment = process.env,
): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [
      code === 'ENOENT' ? 'file not found' : `cannot read: ${describeReadError(error)}`,
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseConfig(raw, file, env);
}

/**
 * The configuration to run with: `--config <file>` or `LIVE_SCORES_CONFIG`, else
 * `live-scores.config.json` in the working directory when it exists, else undefined (no
 * configuration). Only "no such file" means none: a file that exists but cannot be read,
 * or a directory in its place, is a `ConfigError`, never a quiet fall-back to the demo.
 */
export async function findConfigFile(
  explicit: string | undefined,
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const named = explicit ?? env.LIVE_SCORES_CONFIG;
  if (named) return path.resolve(cwd, named);
  const candidate = path.join(cwd, CONFIG_FILE_NAME);
  try {
    await access(candidate, constants.F_OK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(candidate, [`cannot read: ${describeReadError(error)}`]);
  }
  return candidate;
}
