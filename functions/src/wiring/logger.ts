import { createLogger, type JsonLogger } from '@live-scores/core';

/** One JSON line per event on stdout→CloudWatch, named after the function. */
export function functionLogger(service: string): JsonLogger {
  return createLogger({
    service: process.env.POWERTOOLS_SERVICE_NAME ?? service,
    write: (line) => process.stdout.write(line + '\n'),
  });
}
