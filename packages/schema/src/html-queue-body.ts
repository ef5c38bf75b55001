import { z } from 'zod';
import { oneLineReason } from './format-error.ts';
import { ScorecardHtml } from './scorecard-html.ts';

/** SQS's limit on one message: body plus attributes. */
export const SQS_MAX_MESSAGE_BYTES = 262_144;

/** A message too large for the queue as JSON, gzipped and base64-encoded. */
export const GzipHtmlQueueBody = z.strictObject({
  encoding: z.literal('gzip-base64'),
  data: z.string().min(1),
});
export type GzipHtmlQueueBody = z.infer<typeof GzipHtmlQueueBody>;

/** A message too large even compressed: its JSON was stored as an object, and this points at it. */
export const S3HtmlQueueBody = z.strictObject({
  encoding: z.literal('s3'),
  bucket: z.string().min(1),
  key: z.string().min(1),
});
export type S3HtmlQueueBody = z.infer<typeof S3HtmlQueueBody>;

/** What the html queue carries: the message itself, or an envelope for a large one. */
export const HtmlQueueBody = z.union([ScorecardHtml, GzipHtmlQueueBody, S3HtmlQueueBody]);
export type HtmlQueueBody = z.infer<typeof HtmlQueueBody>;

/** A queue body that is not a valid `ScorecardHtml` once unwrapped; the message is one line. */
export class HtmlQueueBodyError extends Error {
  override name = 'HtmlQueueBodyError';
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HtmlQueueBodyError(`${what} is not JSON`);
  }
}

function toScorecardHtml(value: unknown, what: string): ScorecardHtml {
  const result = ScorecardHtml.safeParse(value);
  if (!result.success)
    throw new HtmlQueueBodyError(`${what} is not a ScorecardHtml: ${oneLineReason(result.error)}`);
  return result.data;
}

/** Inflates base64 gzip with the web-standard streams, so this module also runs outside Node. */
async function gunzipBase64(data: string): Promise<string> {
  try {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return await new Response(stream).text();
  } catch {
    throw new HtmlQueueBodyError('gzip-base64 envelope does not decompress');
  }
}

/**
 * Unwraps an html-queue body into the `ScorecardHtml` it carries, inflating a gzip envelope
 * or fetching a stored object through `fetchObject`. Rejects with an `HtmlQueueBodyError`
 * (one line) for anything else.
 */
export async function decodeHtmlQueueBody(
  body: string,
  fetchObject: (bucket: string, key: string) => Promise<string>,
): Promise<ScorecardHtml> {
  const parsed = HtmlQueueBody.safeParse(parseJson(body, 'html queue body'));
  if (!parsed.success) {
    throw new HtmlQueueBodyError(
      `html queue body is not a ScorecardHtml or envelope: ${oneLineReason(parsed.error)}`,
    );
  }
  const value = parsed.data;
  if (!('encoding' in value)) return value;
  if (value.encoding === 'gzip-base64') {
    return toScorecardHtml(
      parseJson(await gunzipBase64(value.data), 'gzip envelope content'),
      'gzip envelope content',
    );
  }
  const stored = await fetchObject(value.bucket, value.key);
  const what = `s3://${value.bucket}/${value.key}`;
  return toScorecardHtml(parseJson(stored, what), what);
}
