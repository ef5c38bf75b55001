import { pageConfigFor } from '@live-scores/core';
import type { ConfigFile } from '@live-scores/schema';

export type AwsSettings = NonNullable<ConfigFile['aws']>;

/** The S3 remote state location; absent means local state (a first try, or tests). */
export interface StateBackend {
  bucket: string;
  key: string;
  region: string;
}

/** Environment variables that override the config's state settings (CI sets them). */
export interface BackendEnvironment {
  TF_STATE_BUCKET?: string;
  TF_STATE_KEY?: string;
  TF_STATE_REGION?: string;
}

/** The config's `aws` section, which a deployment cannot do without. */
export function requireAwsSettings(config: ConfigFile): AwsSettings {
  if (!config.aws) {
    throw new Error('config: aws: required to deploy (region and operatorEmail at least)');
  }
  return config.aws;
}

export function stateBackend(config: ConfigFile, env: BackendEnvironment): StateBackend | undefined {
  const aws = requireAwsSettings(config);
  const bucket = env.TF_STATE_BUCKET || aws.stateBucket;
  if (!bucket) return undefined;
  return {
    bucket,
    key: env.TF_STATE_KEY || `live-scores/${config.club.slug}.tfstate`,
    region: env.TF_STATE_REGION || aws.region,
  };
}

/** Lambda allows 4 KB of environment in total; the config must leave room for the rest. */
const MAX_CONFIG_ENV_BYTES = 3000;

/**
 * The validated configuration as the functions receive it (`LIVE_SCORES_CONFIG_JSON`). The file
 * holds no secrets by design; the deployment-only `aws` section and `$schema` are dropped.
 */
export function functionConfigJson(config: ConfigFile): string {
  const { $schema: _schema, aws: _aws, ...runtime } = config;
  const json = JSON.stringify(runtime);
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_CONFIG_ENV_BYTES) {
    throw new Error(
      `config: ${bytes} bytes as JSON, over the ${MAX_CONFIG_ENV_BYTES} that fit a Lambda environment`,
    );
  }
  return json;
}

/** Terraform reads `${…}` and `%{…}` inside any string as a template: escape them in data. */
export function terraformLiteral(text: string): string {
  return text.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{');
}

/** Stands in for the key while the config's own text is escaped, so only the key is a reference. */
const VAPID_KEY_SLOT = 'vapid-public-key-known-at-deploy';

/**
 * The page's `/config.json` on AWS: what the local server serves (title, teams, overs, same-
 * origin API and socket), with the VAPID public key from the Terraform variable.
 */
export function deployedPageConfig(config: ConfigFile, vapidPublicKey: string): string {
  const json = terraformLiteral(JSON.stringify(pageConfigFor(config, VAPID_KEY_SLOT)));
  return json.replace(JSON.stringify(VAPID_KEY_SLOT), () => JSON.stringify(vapidPublicKey));
}
