import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter/index.js';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js';
import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import type { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { Construct } from 'constructs';
import type { FunctionSpec } from '../manifest.ts';
import type { DeployedFunction } from './functions.ts';
import type { ResourceNames } from './names.ts';
import { allow } from './policy.ts';

/**
 * The scraper's watcher logs one JSON line with this message every minute while it runs
 * (`Watcher.heartbeat`, `this.logger.info('heartbeat', …)` in scraper/src/watcher.ts).
 */
export const SCRAPER_HEARTBEAT_MESSAGE = 'heartbeat';
export const SCRAPER_HEARTBEAT_METRIC = 'ScraperHeartbeat';

/** Minutes without a heartbeat (in 5-minute periods) before the operator hears about it. */
const HEARTBEAT_MISSING_PERIODS = 3;

/**
 * A queue or stream consumer that fails (whole invocations: crashes, timeouts; single
 * records are reported as batch item failures, not errors) gets its messages again and,
 * past the receive limit, dead-lettered: the dead-letter alarm reports it.
 */
export function failsIntoDeadLetters(spec: FunctionSpec): boolean {
  const kind = spec.trigger.kind;
  return kind === 'queue' || kind === 'topic' || kind === 'fixtures-stream';
}

export interface AlarmsProps {
  names: ResourceNames;
  operatorEmail: string;
  deadLetterQueues: ReadonlyMap<string, SqsQueue>;
  functions: Iterable<DeployedFunction>;
  scraperLogGroup: CloudwatchLogGroup;
}

/**
 * What needs a human: a dead letter anywhere, a function failing, or the scraper silent
 * while matches are on. All go to one topic that e-mails the operator (who must confirm
 * the subscription once).
 */
export class Alarms extends Construct {
  readonly topic: SnsTopic;
  readonly scraperHeartbeat: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { names } = props;
    this.topic = new SnsTopic(this, 'topic', { name: names.of('alarms') });
    new SnsTopicPolicy(this, 'topic-policy', {
      arn: this.topic.arn,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { ...allow(['sns:Publish'], [this.topic.arn]), Principal: { Service: 'cloudwatch.amazonaws.com' } },
        ],
      }),
    });
    new SnsTopicSubscription(this, 'operator', {
      topicArn: this.topic.arn,
      protocol: 'email',
      endpoint: props.operatorEmail,
    });
    const actions = { alarmActions: [this.topic.arn], okActions: [this.topic.arn] };

    for (const [source, queue] of props.deadLetterQueues) {
      new CloudwatchMetricAlarm(this, `dead-letters-${source}`, {
        alarmName: names.of(`dead-letters-${source}`),
        alarmDescription: `Messages from ${source} were dead-lettered: look at them, fix, then redrive`,
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensions: { QueueName: queue.name },
        statistic: 'Maximum',
        period: 300,
        evaluationPeriods: 1,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: 0,
        treatMissingData: 'notBreaching',
        ...actions,
      });
    }

    const unguarded = [...props.functions].filter(({ spec }) => !failsIntoDeadLetters(spec));
    if (unguarded.length > 0) {
      // One alarm over the functions whose failures no dead-letter alarm reports. CloudWatch
      // bills an alarm per metric it reads, metric math included: this one costs one alarm
      // metric per function in it, which is why the queue and stream consumers stay out.
      new CloudwatchMetricAlarm(this, 'function-errors', {
        alarmName: names.of('function-errors'),
        alarmDescription: `A function failed (${unguarded.map(({ spec }) => spec.name).join(', ')}): see its log group`,
        metricQuery: [
          ...unguarded.map(({ fn }, i) => ({
            id: `errors${i}`,
            returnData: false,
            metric: {
              namespace: 'AWS/Lambda',
              metricName: 'Errors',
              dimensions: { FunctionName: fn.functionName },
              stat: 'Sum',
              period: 300,
            },
          })),
          { id: 'total', expression: 'SUM(METRICS())', label: 'function errors', returnData: true },
        ],
        evaluationPeriods: 1,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: 0,
        treatMissingData: 'notBreaching',
        ...actions,
      });
    }

    new CloudwatchLogMetricFilter(this, 'heartbeat-filter', {
      name: names.of('scraper-heartbeat'),
      logGroupName: props.scraperLogGroup.name,
      pattern: `{ $.message = "${SCRAPER_HEARTBEAT_MESSAGE}" }`,
      metricTransformation: { name: SCRAPER_HEARTBEAT_METRIC, namespace: names.metricNamespace, value: '1' },
    });
    // Missing data counts as missing heartbeats. The alarm's actions are switched on for
    // match hours only by two schedules (see Schedules), so a silent evening is not news.
    this.scraperHeartbeat = new CloudwatchMetricAlarm(this, 'heartbeat', {
      alarmName: names.of('scraper-heartbeat-missing'),
      alarmDescription: 'No scraper heartbeat during match hours: the scraper host is down or stuck',
      metricQuery: [
        {
          id: 'heartbeats',
          returnData: false,
          metric: {
            namespace: names.metricNamespace,
            metricName: SCRAPER_HEARTBEAT_METRIC,
            stat: 'Sum',
            period: 300,
          },
        },
        {
          id: 'filled',
          expression: 'FILL(heartbeats, 0)',
          label: 'heartbeats per 5 minutes',
          returnData: true,
        },
      ],
      evaluationPeriods: HEARTBEAT_MISSING_PERIODS,
      datapointsToAlarm: HEARTBEAT_MISSING_PERIODS,
      comparisonOperator: 'LessThanThreshold',
      threshold: 1,
      treatMissingData: 'breaching',
      actionsEnabled: false,
      lifecycle: { ignoreChanges: ['actions_enabled'] },
      ...actions,
    });
  }
}
