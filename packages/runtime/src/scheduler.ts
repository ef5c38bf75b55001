import type { Logger } from '@live-scores/core';
import { nextFireTime, parseCron } from '@live-scores/schema';

export interface ScheduledJob {
  name: string;
  /** An EventBridge cron expression, the same one the AWS stack schedules. */
  expression: string;
  run(): Promise<void>;
}

export interface SchedulerOptions {
  timeZone: string;
  logger: Logger;
  now?: () => number;
}

export interface Scheduler {
  /** When each job fires next (undefined: never again). */
  nextRuns(): { name: string; at: Date | undefined }[];
  stop(): void;
}

/** setTimeout cannot wait longer than about 24.8 days; longer waits re-arm. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * The in-process twin of EventBridge Scheduler: each job fires at its cron times in the
 * configured time zone. A run still going when the next one is due is not doubled up,
 * and a failing run is logged and tried again at the next time, never crashing the process.
 */
export function startScheduler(jobs: ScheduledJob[], options: SchedulerOptions): Scheduler {
  const now = options.now ?? Date.now;
  const timers = new Map<string, NodeJS.Timeout>();
  const next = new Map<string, Date | undefined>();
  const running = new Set<string>();
  let stopped = false;

  const arm = (job: ScheduledJob, schedule: ReturnType<typeof parseCron>): void => {
    if (stopped) return;
    const at = nextFireTime(schedule, new Date(now()), options.timeZone);
    next.set(job.name, at);
    if (!at) return;
    const delay = Math.min(Math.max(at.getTime() - now(), 0), MAX_TIMEOUT_MS);
    const timer = setTimeout(() => {
      if (now() < at.getTime()) return arm(job, schedule);
      void fire(job);
      arm(job, schedule);
    }, delay);
    timer.unref();
    timers.set(job.name, timer);
  };

  const fire = async (job: ScheduledJob): Promise<void> => {
    if (running.has(job.name)) {
      options.logger.warn('scheduled run skipped: previous run still going', { job: job.name });
      return;
    }
    running.add(job.name);
    try {
      options.logger.info('scheduled run', { job: job.name });
      await job.run();
    } catch (error) {
      options.logger.error('scheduled run failed', { job: job.name, error });
    } finally {
      running.delete(job.name);
    }
  };

  for (const job of jobs) arm(job, parseCron(job.expression));

  return {
    nextRuns: () => jobs.map((job) => ({ name: job.name, at: next.get(job.name) })),
    stop: () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
