import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { secretParameterName, type SecretParameter } from './secret-parameters.ts';

export interface SsmSecretWriterOptions {
  clubSlug: string;
  /** The stack's region; used when no client is given. */
  region?: string;
  client?: SSMClient;
}

export interface SecretWriter {
  /** Writes (or replaces) one secret; answers the parameter name and its new version. */
  put(secret: SecretParameter, value: string): Promise<{ name: string; version: number }>;
}

/**
 * Writes the stack's secrets as SecureStrings (the AWS managed key `aws/ssm`, which the
 * functions' roles may decrypt with). Overwrites, since rotating a key is a second put.
 */
export function createSsmSecretWriter(options: SsmSecretWriterOptions): SecretWriter {
  const client = options.client ?? new SSMClient(options.region ? { region: options.region } : {});
  return {
    async put(secret, value) {
      if (value.trim() === '') throw new Error(`${secret}: the value is empty`);
      const name = secretParameterName(options.clubSlug, secret);
      const out = await client.send(
        new PutParameterCommand({
          Name: name,
          Value: value,
          Type: 'SecureString',
          Overwrite: true,
          Description: `live scores ${secret} (written by live-scores secrets put)`,
        }),
      );
      return { name, version: out.Version ?? 0 };
    },
  };
}
