import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigFile, formatIssues } from '@live-scores/schema';

export const CONFIG_FILE_NAME = 'live-scores.config.json';

/** A configuration that failed validation: one line per bad field. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
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
      code === 'ENOENT' ? 'file not found' : `cannot read: ${code ?? String(error)}`,
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
 * `live-scores.config.json` in the working directory, else undefined (the demo).
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
    await readFile(candidate);
    return candidate;
  } catch {
    return undefined;
  }
}
