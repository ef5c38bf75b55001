import type { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping/index.js';
import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule/index.js';
import { type ConfigFile, parseCron } from '@live-scores/schema';
import { Construct } from 'constructs';
import { leastPrivilegeRole } from './role.ts';
import type { ResourceNames } from './names.ts';
import { allow } from './policy.ts';

/** EventBridge Scheduler's universal target for Lambda's UpdateEventSourceMapping. */
export const UPDATE_EVENT_SOURCE_MAPPING_TARGET =
  'arn:aws:scheduler:::aws-sdk:lambda:updateEventSourceMapping';

export interface SeasonSwitchTimes {
  /** Midnight on the 1st of every season month: mappings on. */
  on: string;
  /** Midnight on the 1st of every other month: mappings off. */
  off: string;
}

/**
 * When the queue consumers' event source mappings are switched on and off: the season is
 * the months in which the fixtures search or the sweep runs. Firing on the 1st of *every*
 * month (not only at the season's ends) puts a mapping right within a month whatever its
 * state was, e.g. after a first deployment in winter, which creates the mappings switched on.
 * `undefined` when the schedules run all year: nothing to switch.
 */
export function seasonSwitchTimes(schedule: ConfigFile['schedule']): SeasonSwitchTimes | undefined {
  const season = new Set([
    ...parseCron(schedule.findFixtures).months,
    ...parseCron(schedule.sweepScrapers).months,
  ]);
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const offSeason = months.filter((m) => !season.has(m));
  if (offSeason.length === 0) return undefined;
  const onThe1st = (list: number[]): string => `cron(0 0 1 ${list.join(',')} ? *)`;
  return { on: onThe1st(months.filter((m) => season.has(m))), off: onThe1st(offSeason) };
}

export interface SeasonSwitchProps {
  names: ResourceNames;
  accountId: string;
  timeZone: string;
  times: SeasonSwitchTimes;
  /** Function name → its SQS event source mapping. */
  mappings: ReadonlyMap<string, LambdaEventSourceMapping>;
}

/**
 * Out of season nothing is sent to the queues, but each SQS event source mapping keeps
 * Lambda's pollers long-polling its queue, about 650,000 billed requests a month per
 * queue. Scheduler schedules call `UpdateEventSourceMapping` with `Enabled` false at the
 * season's end and true at its start, with a role that may update only these mappings.
 * Disabling keeps the messages: whatever was still queued is handled when it is switched on.
 */
export class SeasonSwitch extends Construct {
  constructor(scope: Construct, id: string, props: SeasonSwitchProps) {
    super(scope, id);
    const { names } = props;
    const role = leastPrivilegeRole(this, {
      name: names.of('season-switch'),
      service: 'scheduler.amazonaws.com',
      sourceAccount: props.accountId,
      statements: [
        allow(
          ['lambda:UpdateEventSourceMapping'],
          [...props.mappings.values()].map((m) => m.arn),
        ),
      ],
    });

    for (const [functionName, mapping] of props.mappings) {
      for (const enabled of [true, false]) {
        const name = `season-${enabled ? 'on' : 'off'}-${functionName}`;
        new SchedulerSchedule(this, name, {
          name: names.of(name),
          description: `${enabled ? 'Switches on' : 'Switches off'} ${functionName}'s queue polling`,
          scheduleExpression: enabled ? props.times.on : props.times.off,
          scheduleExpressionTimezone: props.timeZone,
          flexibleTimeWindow: { mode: 'OFF' },
          state: 'ENABLED',
          target: {
            arn: UPDATE_EVENT_SOURCE_MAPPING_TARGET,
            roleArn: role.arn,
            input: JSON.stringify({ UUID: mapping.uuid, Enabled: enabled }),
            retryPolicy: { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 86_400 },
          },
        });
      }
    }
  }
}
