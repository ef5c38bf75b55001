import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '@live-scores/core';
import { startScheduler } from './scheduler.ts';

const waitFor = async (check: () => boolean, ms = 3000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('the local scheduler', () => {
  it('fires a job at its next cron time in the configured zone', async () => {
    // A clock 150 ms before a minute boundary, running at real speed.
    const offset = Date.parse('2026-06-13T10:59:59.850Z') - Date.now();
    const runs: number[] = [];
    const scheduler = startScheduler(
      [
        {
          name: 'find-fixtures',
          expression: 'cron(0 12 ? 4-9 SAT,SUN *)',
          run: async () => void runs.push(Date.now()),
        },
      ],
      { timeZone: 'Europe/London', logger: createMemoryLogger(), now: () => Date.now() + offset },
    );
    expect(scheduler.nextRuns()[0]!.at?.toISOString()).toBe('2026-06-13T11:00:00.000Z');
    await waitFor(() => runs.length === 1);
    expect(scheduler.nextRuns()[0]!.at?.toISOString()).toBe('2026-06-14T11:00:00.000Z');
    scheduler.stop();
  });

  it('logs a failing run and keeps the schedule', async () => {
    const offset = Date.parse('2026-06-13T10:59:59.900Z') - Date.now();
    const logger = createMemoryLogger();
    const scheduler = startScheduler(
      [
        {
          name: 'sweep',
          expression: 'cron(* * * * ? *)',
          run: async () => Promise.reject(new Error('EC2 throttled')),
        },
      ],
      { timeZone: 'Europe/London', logger, now: () => Date.now() + offset },
    );
    await waitFor(() => logger.lines.some((l) => l.message === 'scheduled run failed'));
    expect(logger.lines.find((l) => l.message === 'scheduled run failed')).toMatchObject({
      job: 'sweep',
      error: { message: 'EC2 throttled' },
    });
    expect(scheduler.nextRuns()[0]!.at?.toISOString()).toBe('2026-06-13T11:01:00.000Z');
    scheduler.stop();
  });

  it('never fires after stop()', async () => {
    const offset = Date.parse('2026-06-13T10:59:59.950Z') - Date.now();
    let runs = 0;
    const scheduler = startScheduler(
      [{ name: 'x', expression: 'cron(* * * * ? *)', run: async () => void runs++ }],
      {
        timeZone: 'UTC',
        logger: createMemoryLogger(),
        now: () => Date.now() + offset,
      },
    );
    scheduler.stop();
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toBe(0);
  });
});
