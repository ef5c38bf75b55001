import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy/index.js';
import type { FilterPolicy, QueueName } from '../manifest.ts';
import { Construct } from 'constructs';
import type { ResourceNames } from './names.ts';
import { allow } from './policy.ts';

/** Four days: a weekend's outage of an hour (or a whole afternoon) loses nothing. */
export const QUEUE_RETENTION_SECONDS = 4 * 24 * 60 * 60;
/** Dead letters are kept the maximum 14 days, long enough to be looked at and redriven. */
export const DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 60 * 60;
/** Deliveries before a message is judged poison and moved aside. */
export const MAX_RECEIVE_COUNT = 5;

export interface QueueSpec {
  name: QueueName;
  /** At least the consumer's timeout, so a message is not redelivered while being handled. */
  visibilityTimeoutSeconds: number;
  /** Set for queues fed by the scorecard topic. */
  subscription?: { filterPolicy?: FilterPolicy };
}

export interface MessagingProps {
  names: ResourceNames;
  queues: QueueSpec[];
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * The queues (each with its dead-letter queue and redrive policy), the scorecard topic,
 * and the topic's raw-delivery subscriptions with their filter policies.
 */
export class Messaging extends Construct {
  readonly queues = new Map<QueueName, SqsQueue>();
  /** Every dead-letter queue, by the name of what it catches. */
  readonly deadLetterQueues = new Map<string, SqsQueue>();
  readonly scorecardTopic: SnsTopic;
  /** Where fixtures-stream records that kept failing are sent (stream on-failure destination). */
  readonly fixturesStreamFailures: SqsQueue;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    const { names } = props;

    // Scorecards are public data (the league publishes them), so the topic is unencrypted:
    // a KMS key would cost more than the whole season's messages and protect nothing.
    this.scorecardTopic = new SnsTopic(this, 'scorecard-topic', { name: names.of('scorecards') });

    for (const spec of props.queues) {
      const queue = this.queueWithDeadLetters(names, spec);
      if (spec.subscription) this.subscribe(queue, spec);
    }

    this.fixturesStreamFailures = new SqsQueue(this, 'fixtures-stream-failures', {
      name: names.of('fixtures-stream-failures'),
      messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
      sqsManagedSseEnabled: true,
    });
    this.deadLetterQueues.set('fixturesStream', this.fixturesStreamFailures);
  }

  private queueWithDeadLetters(names: ResourceNames, spec: QueueSpec): SqsQueue {
    const base = kebab(spec.name);
    const deadLetters = new SqsQueue(this, `${base}-dlq`, {
      name: names.of(`${base}-dlq`),
      messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
      sqsManagedSseEnabled: true,
    });
    const queue = new SqsQueue(this, base, {
      name: names.of(base),
      messageRetentionSeconds: QUEUE_RETENTION_SECONDS,
      visibilityTimeoutSeconds: spec.visibilityTimeoutSeconds,
      sqsManagedSseEnabled: true,
      redrivePolicy: JSON.stringify({
        deadLetterTargetArn: deadLetters.arn,
        maxReceiveCount: MAX_RECEIVE_COUNT,
      }),
    });
    this.queues.set(spec.name, queue);
    this.deadLetterQueues.set(spec.name, deadLetters);
    return queue;
  }

  private subscribe(queue: SqsQueue, spec: QueueSpec): void {
    const base = kebab(spec.name);
    new SqsQueuePolicy(this, `${base}-from-topic`, {
      queueUrl: queue.url,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            ...allow(['sqs:SendMessage'], [queue.arn], {
              ArnEquals: { 'aws:SourceArn': this.scorecardTopic.arn },
            }),
            Principal: { Service: 'sns.amazonaws.com' },
          },
        ],
      }),
    });
    const filterPolicy = spec.subscription?.filterPolicy;
    new SnsTopicSubscription(this, `${base}-subscription`, {
      topicArn: this.scorecardTopic.arn,
      protocol: 'sqs',
      endpoint: queue.arn,
      // The consumer reads the Scorecard JSON as the message body, not an SNS envelope.
      rawMessageDelivery: true,
      ...(filterPolicy
        ? { filterPolicy: JSON.stringify(filterPolicy), filterPolicyScope: 'MessageAttributes' }
        : {}),
    });
  }
}
