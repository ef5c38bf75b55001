import type { Writable } from 'node:stream';
import type { HtmlQueue } from '@live-scores/core';
import type { ScorecardHtml } from '@live-scores/schema';

/**
 * The local sink: one `ScorecardHtml` JSON object per line. `--out -` writes to stdout,
 * which the single-machine runtime reads from the scraper child process. A send resolves
 * once the stream has taken the line, so a closed pipe surfaces as a failed send.
 */
export function createJsonLinesHtmlQueue(stream: Writable): HtmlQueue {
  return {
    send: (message: ScorecardHtml) =>
      new Promise<void>((resolve, reject) => {
        stream.write(JSON.stringify(message) + '\n', (error) => (error ? reject(error) : resolve()));
      }),
  };
}
