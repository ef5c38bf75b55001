import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter/index.js';
import { Construct } from 'constructs';
import type { SecretName } from '../manifest.ts';
import type { ResourceNames } from './names.ts';

/**
 * What Terraform writes as the initial value. The real value is set once with
 * `aws ssm put-parameter --overwrite` and Terraform never reads it back or replaces it, so
 * the secret exists only in Parameter Store: not in the Terraform JSON, the plan, the
 * Lambda environment or the repository.
 */
export const SECRET_PLACEHOLDER = 'unset: aws ssm put-parameter --type SecureString --overwrite';

const PARAMETER_NAMES: Record<SecretName, string> = {
  vapidPrivateKey: 'vapid-private-key',
  cmsToken: 'cms-token',
  llmApiKey: 'llm-api-key',
};

/** The SecureString parameters the functions read at run time (by name, from their environment). */
export class Secrets extends Construct {
  readonly parameters = new Map<SecretName, SsmParameter>();

  constructor(scope: Construct, id: string, props: { names: ResourceNames }) {
    super(scope, id);
    for (const [secret, suffix] of Object.entries(PARAMETER_NAMES) as [SecretName, string][]) {
      const parameter = new SsmParameter(this, suffix, {
        name: props.names.parameter(suffix),
        type: 'SecureString',
        value: SECRET_PLACEHOLDER,
        description: `live scores ${suffix}; set the value out of band`,
        lifecycle: { ignoreChanges: ['value'] },
      });
      this.parameters.set(secret, parameter);
    }
  }

  get(name: SecretName): SsmParameter {
    const parameter = this.parameters.get(name);
    if (!parameter) throw new Error(`no secret "${name}"`);
    return parameter;
  }
}
