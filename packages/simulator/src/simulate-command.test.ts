import { createMemoryLogger } from '@live-scores/core';
import { describe, expect, it } from 'vitest';
import type { RunningSimulator } from './server.ts';
import { parseSimulateArgs, runSimulateCommand } from './simulate-command.ts';

describe('parseSimulateArgs', () => {
  it('reads the flags into simulator options, defaulting to port 8081', () => {
    expect(
      parseSimulateArgs(['--speed', '240', '--seed', 'demo', '--matches', '3', '--start-delay', '1.5']),
    ).toEqual({
      port: 8081,
      speed: 240,
      seed: 'demo',
      matches: 3,
      startDelayMs: 1500,
    });
  });

  it('rejects unknown flags and bad numbers with a one-line reason', () => {
    expect(() => parseSimulateArgs(['--sped', '2'])).toThrow(
      /Unknown option '--sped'.*usage: live-scores simulate/,
    );
    expect(() => parseSimulateArgs(['--matches', 'two'])).toThrow(
      '--matches expects a whole number, got "two"',
    );
  });
});

describe('runSimulateCommand', () => {
  it('starts the site, logs its URLs as JSON lines, and stops cleanly when told to', async () => {
    const logger = createMemoryLogger('simulator');
    const stop = new AbortController();
    let started: RunningSimulator | undefined;
    const exit = runSimulateCommand(['--port', '0', '--speed', '0', '--matches', '1'], {
      logger,
      signal: stop.signal,
      onStarted: (site) => {
        started = site;
        stop.abort();
      },
    });
    expect(await exit).toBe(0);
    expect(started).toBeDefined();
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ message: 'simulator listening', fixturesUrl: started!.fixturesUrl }),
    );
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ message: 'match', url: started!.matches[0]!.url }),
    );
    await expect(fetch(started!.fixturesUrl)).rejects.toThrow();
  });

  it('exits 1 with the reason logged when the options are bad', async () => {
    const logger = createMemoryLogger('simulator');
    expect(await runSimulateCommand(['--port', '99999'], { logger })).toBe(1);
    expect(logger.lines[0]).toMatchObject({ level: 'error', message: 'simulator did not start' });
    expect(String(logger.lines[0]!.reason)).toMatch(/port/);
  });
});
