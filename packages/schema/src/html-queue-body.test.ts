import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HtmlQueueBodyError, decodeHtmlQueueBody } from './html-queue-body.ts';
import type { ScorecardHtml } from './scorecard-html.ts';

const message: ScorecardHtml = {
  matchId: '6123456',
  teamId: 'secondTeam',
  url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
  capturedAt: '2026-06-13T16:40:00.000Z',
  seq: 3,
  headerHtml: '<div class="container main-header"><span class="match-status">MATCH TIED</span></div>',
  scorecardHtml: '<div id="nvScorecardTab">150 for 9</div>',
};
const objects = new Map([['bucket-a/html/6123456/3.json', JSON.stringify(message)]]);
const fetchObject = async (bucket: string, key: string) => {
  const stored = objects.get(`${bucket}/${key}`);
  if (stored === undefined) throw new Error(`no object ${key}`);
  return stored;
};
const gzipEnvelope = (text: string) =>
  JSON.stringify({ encoding: 'gzip-base64', data: gzipSync(text).toString('base64') });

describe('decodeHtmlQueueBody', () => {
  it('returns a plain ScorecardHtml body as it is', async () => {
    expect(await decodeHtmlQueueBody(JSON.stringify(message), fetchObject)).toEqual(message);
  });

  it('inflates a gzip-base64 envelope', async () => {
    expect(await decodeHtmlQueueBody(gzipEnvelope(JSON.stringify(message)), fetchObject)).toEqual(message);
  });

  it('fetches the object an s3 envelope points at', async () => {
    const body = JSON.stringify({ encoding: 's3', bucket: 'bucket-a', key: 'html/6123456/3.json' });
    expect(await decodeHtmlQueueBody(body, fetchObject)).toEqual(message);
  });

  it('rejects a body that is not JSON with a one-line reason', async () => {
    await expect(decodeHtmlQueueBody('<html>', fetchObject)).rejects.toThrow(
      new HtmlQueueBodyError('html queue body is not JSON'),
    );
  });

  it('rejects an unknown encoding', async () => {
    const body = JSON.stringify({ encoding: 'brotli', data: 'xx' });
    await expect(decodeHtmlQueueBody(body, fetchObject)).rejects.toThrow(HtmlQueueBodyError);
  });

  it('rejects an envelope that does not decompress', async () => {
    const body = JSON.stringify({ encoding: 'gzip-base64', data: 'bm90IGd6aXA=' });
    await expect(decodeHtmlQueueBody(body, fetchObject)).rejects.toThrow(
      'gzip-base64 envelope does not decompress',
    );
  });

  it('rejects envelope content that is not a ScorecardHtml, naming the field', async () => {
    const body = gzipEnvelope(JSON.stringify({ ...message, matchId: 'abc' }));
    await expect(decodeHtmlQueueBody(body, fetchObject)).rejects.toThrow(
      /^gzip envelope content is not a ScorecardHtml: matchId: /,
    );
  });
});
