import { ConfigFile, formatIssues } from '@live-scores/schema';
import type { EnvName } from '../manifest.ts';

/** A required environment variable (one the manifest can set), or a one-line error naming it. */
export function requireEnv(name: EnvName, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

/**
 * The validated configuration the stack passes as `LIVE_SCORES_CONFIG_JSON` (no secrets in
 * it). Not `LIVE_SCORES_CONFIG`, which names a config file for the local runtime.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ConfigFile {
  let raw: unknown;
  try {
    raw = JSON.parse(requireEnv('LIVE_SCORES_CONFIG_JSON', env));
  } catch (error) {
    throw new Error(
      `LIVE_SCORES_CONFIG_JSON: ${error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message}`,
    );
  }
  const parsed = ConfigFile.safeParse(raw);
  if (!parsed.success) throw new Error(`LIVE_SCORES_CONFIG_JSON: ${formatIssues(parsed.error).join('; ')}`);
  return parsed.data;
}
