import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping/index.js';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function/index.js';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object/index.js';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import type { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { AssetType, Fn, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { leastPrivilegeRole } from './role.ts';
import path from 'node:path';
import { COMMON_ENV, type EnvName, type FunctionSpec, type QueueName } from '../manifest.ts';
import { accessStatements, type AccessTargets } from './access.ts';
import type { ResourceNames } from './names.ts';
import { allow } from './policy.ts';

export const LOG_RETENTION_DAYS = 30;

export interface FunctionsProps {
  names: ResourceNames;
  specs: readonly FunctionSpec[];
  /** `dist/functions`: one directory per function holding its `index.mjs`. */
  bundlesDir: string;
  artifactsBucket: S3Bucket;
  /** Values for every environment variable a spec may ask for. */
  environment: Record<EnvName, string>;
  access: AccessTargets;
  queues: ReadonlyMap<QueueName, SqsQueue>;
  fixturesStreamArn: string;
  fixturesStreamFailuresArn: string;
}

export interface DeployedFunction {
  spec: FunctionSpec;
  fn: LambdaFunction;
  role: IamRole;
  logGroup: CloudwatchLogGroup;
  /** The SQS event source mapping of a queue or topic consumer (switched off out of season). */
  queueMapping?: LambdaEventSourceMapping;
}

/**
 * One Lambda function per manifest entry, each with its own role (only the statements its
 * `uses` list grants, plus writing to its own log group), its log group with retention, its
 * code in the artifacts bucket, and its queue or stream trigger.
 */
export class Functions extends Construct {
  readonly deployed = new Map<string, DeployedFunction>();

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    for (const spec of props.specs) this.deployed.set(spec.name, this.function(spec, props));
  }

  get(name: string): DeployedFunction {
    const found = this.deployed.get(name);
    if (!found) throw new Error(`no function "${name}" in the manifest`);
    return found;
  }

  private function(spec: FunctionSpec, props: FunctionsProps): DeployedFunction {
    const scope = new Construct(this, spec.name);
    const functionName = props.names.of(spec.name);

    const logGroup = new CloudwatchLogGroup(scope, 'logs', {
      name: `/aws/lambda/${functionName}`,
      retentionInDays: LOG_RETENTION_DAYS,
    });
    const role = leastPrivilegeRole(scope, {
      name: functionName,
      service: 'lambda.amazonaws.com',
      statements: [
        allow(['logs:CreateLogStream', 'logs:PutLogEvents'], [`${logGroup.arn}:*`]),
        ...accessStatements(spec.uses, props.access),
      ],
    });

    const bundle = new TerraformAsset(scope, 'bundle', {
      path: path.join(props.bundlesDir, spec.name),
      type: AssetType.ARCHIVE,
    });
    const code = new S3Object(scope, 'code', {
      bucket: props.artifactsBucket.id,
      key: `functions/${spec.name}/${bundle.assetHash}.zip`,
      source: bundle.path,
    });

    const variables: Record<string, string> = { POWERTOOLS_SERVICE_NAME: spec.name };
    for (const name of [...COMMON_ENV, ...spec.env]) {
      if (name !== 'POWERTOOLS_SERVICE_NAME') variables[name] = props.environment[name];
    }

    const fn = new LambdaFunction(scope, 'function', {
      functionName,
      description: spec.description,
      role: role.arn,
      runtime: spec.runtime,
      architectures: [spec.architecture],
      handler: 'index.handler',
      memorySize: spec.memoryMb,
      timeout: spec.timeoutSeconds,
      s3Bucket: code.bucket,
      s3Key: code.key,
      sourceCodeHash: Fn.filebase64sha256(bundle.path),
      environment: { variables },
      ...(spec.reservedConcurrency !== undefined
        ? { reservedConcurrentExecutions: spec.reservedConcurrency }
        : {}),
      loggingConfig: { logFormat: 'JSON', logGroup: logGroup.name },
      dependsOn: [logGroup],
    });

    const queueMapping = this.trigger(scope, spec, fn, props);
    return { spec, fn, role, logGroup, ...(queueMapping ? { queueMapping } : {}) };
  }

  private trigger(
    scope: Construct,
    spec: FunctionSpec,
    fn: LambdaFunction,
    props: FunctionsProps,
  ): LambdaEventSourceMapping | undefined {
    const t = spec.trigger;
    if (t.kind === 'queue' || t.kind === 'topic') {
      const queue = props.queues.get(t.queue);
      if (!queue) throw new Error(`${spec.name}: no queue "${t.queue}"`);
      return new LambdaEventSourceMapping(scope, 'trigger', {
        eventSourceArn: queue.arn,
        functionName: fn.arn,
        batchSize: t.batchSize,
        ...(t.maxBatchingWindowSeconds !== undefined
          ? { maximumBatchingWindowInSeconds: t.maxBatchingWindowSeconds }
          : {}),
        // One failed message is retried alone; the rest of the batch is not run again.
        functionResponseTypes: ['ReportBatchItemFailures'],
        // The season switch turns it on and off; a deploy must not undo that.
        lifecycle: { ignoreChanges: ['enabled'] },
      });
    }
    if (t.kind === 'fixtures-stream') {
      // Stays on all year: Lambda's reads of a DynamoDB stream are not billed.
      new LambdaEventSourceMapping(scope, 'trigger', {
        eventSourceArn: props.fixturesStreamArn,
        functionName: fn.arn,
        startingPosition: 'LATEST',
        batchSize: t.batchSize,
        filterCriteria: { filter: [{ pattern: JSON.stringify({ eventName: [...t.events] }) }] },
        functionResponseTypes: ['ReportBatchItemFailures'],
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: 5,
        destinationConfig: { onFailure: { destinationArn: props.fixturesStreamFailuresArn } },
      });
    }
    // Schedules and API routes are wired by the constructs that own them.
    return undefined;
  }
}
