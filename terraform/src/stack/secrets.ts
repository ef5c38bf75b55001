import { SECRET_PARAMETERS, secretParameterName } from '@live-scores/aws/secret-parameters';
import type { SecretName } from '../manifest.ts';

/** Every secret the manifest names has a Parameter Store name (checked by the compiler). */
const PARAMETERS: Readonly<Record<SecretName, (typeof SECRET_PARAMETERS)[SecretName]>> = SECRET_PARAMETERS;

/**
 * The SecureString parameters the functions read at run time, by name only. The stack
 * creates no `aws_ssm_parameter`: a resource would put the value in Terraform state (a
 * refresh reads it back even under `ignore_changes`). `live-scores secrets put` (or
 * `aws ssm put-parameter`) writes the values; the stack passes the names to the functions
 * and grants `ssm:GetParameter` on exactly these ARNs.
 */
export class SecretParameters {
  constructor(private readonly target: { clubSlug: string; region: string; accountId: string }) {}

  name(secret: SecretName): string {
    return secretParameterName(this.target.clubSlug, PARAMETERS[secret]);
  }

  arn(secret: SecretName): string {
    return `arn:aws:ssm:${this.target.region}:${this.target.accountId}:parameter${this.name(secret)}`;
  }
}
