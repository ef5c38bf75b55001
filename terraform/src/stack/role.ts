import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import type { Construct } from 'constructs';
import { policyDocument, serviceTrustPolicy, type PolicyStatement } from './policy.ts';

export interface LeastPrivilegeRoleProps {
  name: string;
  /** The AWS service that assumes the role, e.g. "lambda.amazonaws.com". */
  service: string;
  /** Adds the confused-deputy guard for services that send `aws:SourceAccount`. */
  sourceAccount?: string;
  /** Everything the role may do: nothing else is attached. */
  statements: PolicyStatement[];
}

/** A role one service can assume, with a single inline policy of exactly these statements. */
export function leastPrivilegeRole(scope: Construct, props: LeastPrivilegeRoleProps): IamRole {
  const role = new IamRole(scope, 'role', {
    name: props.name,
    assumeRolePolicy: serviceTrustPolicy(props.service, props.sourceAccount),
  });
  new IamRolePolicy(scope, 'policy', {
    name: 'least-privilege',
    role: role.id,
    policy: policyDocument(props.statements),
  });
  return role;
}
