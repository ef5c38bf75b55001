import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js';
import type { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function/index.js';
import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule/index.js';
import type { ConfigFile } from '@live-scores/schema';
import { Construct } from 'constructs';
import { leastPrivilegeRole } from './role.ts';
import type { ScheduleName } from '../manifest.ts';
import type { ResourceNames } from './names.ts';
import { allow } from './policy.ts';

/** Hours after the first fixtures search of the day that a scraper should be up and beating. */
const HEARTBEAT_GRACE_HOURS = 2;

/**
 * When the heartbeat alarm starts to count: the same days and months as the fixtures
 * search, a little after its first run (so a host has been launched). From
 * `cron(0/30 11-15 ? 4-9 SAT,SUN *)` this is `cron(0 13 ? 4-9 SAT,SUN *)`.
 */
export function heartbeatWatchStart(findFixturesCron: string): string {
  const fields = /^cron\((.*)\)$/.exec(findFixturesCron)?.[1]?.split(' ');
  if (!fields || fields.length !== 6)
    throw new Error(`schedule.findFixtures: not a cron expression: ${findFixturesCron}`);
  const [, hours, dayOfMonth, month, dayOfWeek, year] = fields;
  const firstHour = /^\d+/.exec(hours ?? '')?.[0];
  const hour = Math.min(23, (firstHour === undefined ? 11 : Number(firstHour)) + HEARTBEAT_GRACE_HOURS);
  return `cron(0 ${hour} ${dayOfMonth} ${month} ${dayOfWeek} ${year})`;
}

export interface SchedulesProps {
  names: ResourceNames;
  accountId: string;
  schedule: ConfigFile['schedule'];
  /** The function each configured schedule invokes. */
  targets: ReadonlyArray<{ schedule: ScheduleName; fn: LambdaFunction }>;
  heartbeatAlarm: CloudwatchMetricAlarm;
}

/**
 * EventBridge Scheduler schedules in the club's time zone (Europe/London), so 21:00 stays
 * 21:00 across the clock change. Besides the functions' schedules, two schedules switch the
 * scraper heartbeat alarm's actions on for match hours and off at the evening sweep.
 */
export class Schedules extends Construct {
  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const { names, schedule } = props;
    const role = leastPrivilegeRole(this, {
      name: names.of('scheduler'),
      service: 'scheduler.amazonaws.com',
      sourceAccount: props.accountId,
      statements: [
        allow(
          ['lambda:InvokeFunction'],
          props.targets.map((t) => t.fn.arn),
        ),
        allow(
          ['cloudwatch:EnableAlarmActions', 'cloudwatch:DisableAlarmActions'],
          [props.heartbeatAlarm.arn],
        ),
      ],
    });

    const common = {
      scheduleExpressionTimezone: schedule.timeZone,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
    };
    for (const { schedule: name, fn } of props.targets) {
      new SchedulerSchedule(this, name, {
        name: names.of(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)),
        scheduleExpression: schedule[name],
        ...common,
        target: {
          arn: fn.arn,
          roleArn: role.arn,
          retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 900 },
        },
      });
    }

    const alarmToggle = (
      id: string,
      expression: string,
      action: 'enableAlarmActions' | 'disableAlarmActions',
    ) =>
      new SchedulerSchedule(this, id, {
        name: names.of(id),
        scheduleExpression: expression,
        ...common,
        target: {
          arn: `arn:aws:scheduler:::aws-sdk:cloudwatch:${action}`,
          roleArn: role.arn,
          input: JSON.stringify({ AlarmNames: [props.heartbeatAlarm.alarmName] }),
        },
      });
    alarmToggle('heartbeat-watch-on', heartbeatWatchStart(schedule.findFixtures), 'enableAlarmActions');
    alarmToggle('heartbeat-watch-off', schedule.sweepScrapers, 'disableAlarmActions');
  }
}
