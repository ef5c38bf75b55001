import type { Writable } from 'node:stream';
import { type HtmlQueue, createLogger } from '@live-scores/core';
import { createJsonLinesHtmlQueue } from './json-lines-html-queue.ts';
import { SCRAPE_USAGE, type ScrapeOutput, ScrapeArgsError, parseScrapeArgs } from './scrape-args.ts';
import { Watcher } from './watcher.ts';

export interface ScrapeIo {
  stdout: Writable;
  stderr: Writable;
}

/** Exit codes: 0 done (or stopped by a signal), 1 could not run, 2 bad arguments. */
export type ScrapeExitCode = 0 | 1 | 2;

async function openQueue(output: ScrapeOutput, stdout: Writable): Promise<HtmlQueue> {
  if (output.kind === 'stdout') return createJsonLinesHtmlQueue(stdout);
  // Loaded only when asked for, so the local runtime never loads the AWS SDK.
  const { createSqsHtmlQueue } = await import('@live-scores/aws/html-queue-sqs');
  return createSqsHtmlQueue({ queueUrl: output.queueUrl, bucket: output.bucket });
}

/**
 * `live-scores scrape …` (arguments after `scrape`): watches the given matches until each
 * has sent its result, or until SIGTERM/SIGINT, and resolves with the exit code.
 */
export async function runScrapeCommand(
  argv: string[],
  io: ScrapeIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<ScrapeExitCode> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(SCRAPE_USAGE + '\n');
    return 0;
  }
  let args;
  try {
    args = parseScrapeArgs(argv);
  } catch (error) {
    if (!(error instanceof ScrapeArgsError)) throw error;
    io.stderr.write(`live-scores scrape: ${error.message}\n`);
    return 2;
  }

  const logger = createLogger({ service: 'scraper', write: (line) => io.stderr.write(line + '\n') });
  const watcher = new Watcher({
    queue: await openQueue(args.output, io.stdout),
    logger,
    timing: args.timing,
    singleProcess: args.singleProcess,
    allowedHosts: args.allowedHosts,
  });
  for (const target of args.targets) watcher.add(target);

  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info('signal received; stopping', { signal });
    void watcher.stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const parentWatch = args.exitWithParent
    ? watchParent(() => {
        logger.warn('parent process gone; stopping');
        void watcher.stop();
      })
    : undefined;
  try {
    await watcher.run();
    return 0;
  } catch (error) {
    logger.error('scraper failed', { error });
    await watcher.stop();
    return 1;
  } finally {
    parentWatch?.stop();
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}

/** How often the parent's pid is checked, besides the end of standard input. */
const PARENT_CHECK_MS = 1_000;

/**
 * Calls `onGone` once the process that started us is gone, however it ended (a SIGKILL
 * included): standard input, a pipe from the parent, reaches its end, or we are handed to
 * another parent (our parent pid changes).
 */
export function watchParent(onGone: () => void): { stop(): void } {
  const parent = process.ppid;
  let fired = false;
  const fire = (): void => {
    if (fired) return;
    fired = true;
    stop();
    onGone();
  };
  const timer = setInterval(() => {
    if (process.ppid !== parent) fire();
  }, PARENT_CHECK_MS);
  timer.unref();
  process.stdin.on('end', fire);
  process.stdin.on('close', fire);
  process.stdin.on('error', fire);
  process.stdin.resume();
  function stop(): void {
    clearInterval(timer);
    process.stdin.off('end', fire);
    process.stdin.off('close', fire);
    process.stdin.off('error', fire);
    process.stdin.pause();
    process.stdin.unref?.();
  }
  return { stop };
}

/**
 * The scraper host's entry point: `node scraper/src/main.ts [scrape] --url … --team … --out …`.
 * Chromium comes from `CHROMIUM_PATH` if set, the log level from `LOG_LEVEL`.
 */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const code = await runScrapeCommand(argv[0] === 'scrape' ? argv.slice(1) : argv);
  process.exitCode = code;
  // Stdout is flushed by now; a stray keep-alive socket must not hold the host up.
  setTimeout(() => process.exit(code), 2_000).unref();
}
