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
  });
  for (const target of args.targets) watcher.add(target);

  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info('signal received; stopping', { signal });
    void watcher.stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    await watcher.run();
    return 0;
  } catch (error) {
    logger.error('scraper failed', { error });
    await watcher.stop();
    return 1;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
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
