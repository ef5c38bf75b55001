/** IAM policy documents as plain data: rendered once with JSON.stringify, asserted on in tests. */

export type Condition = Record<string, Record<string, string | string[]>>;

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Condition;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export function policyDocument(statements: PolicyStatement[]): string {
  const document: PolicyDocument = { Version: '2012-10-17', Statement: statements };
  return JSON.stringify(document);
}

export function allow(actions: string[], resources: string[], condition?: Condition): PolicyStatement {
  return condition
    ? { Effect: 'Allow', Action: actions, Resource: resources, Condition: condition }
    : { Effect: 'Allow', Action: actions, Resource: resources };
}

/**
 * Actions for which AWS offers no resource-level permission, so `Resource: "*"` is the
 * only form IAM accepts. Nothing else may use a bare `*` resource (the tests enforce it).
 */
export const RESOURCE_WILDCARD_ACTIONS: Readonly<Record<string, string>> = {
  'ec2:DescribeInstances': 'EC2 Describe* calls support no resource-level permissions',
  'ssm:UpdateInstanceInformation': "Session Manager's agent registers the instance it runs on",
  'ssmmessages:CreateControlChannel': 'Session Manager channels have no resource type',
  'ssmmessages:CreateDataChannel': 'Session Manager channels have no resource type',
  'ssmmessages:OpenControlChannel': 'Session Manager channels have no resource type',
  'ssmmessages:OpenDataChannel': 'Session Manager channels have no resource type',
};

/**
 * A trust policy letting one AWS service assume a role. `sourceAccount` adds the
 * confused-deputy guard for services that send `aws:SourceAccount` (EventBridge Scheduler).
 */
export function serviceTrustPolicy(service: string, sourceAccount?: string): string {
  const statement = {
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'sts:AssumeRole',
    ...(sourceAccount ? { Condition: { StringEquals: { 'aws:SourceAccount': sourceAccount } } } : {}),
  };
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}
