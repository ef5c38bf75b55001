import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ScorecardHtml } from '@live-scores/schema';
import { createJsonLinesHtmlQueue } from './json-lines-html-queue.ts';

const message = (seq: number): ScorecardHtml => ({
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'http://127.0.0.1:8081/website/results/6123456',
  capturedAt: '2026-06-13T14:00:00.000Z',
  seq,
  headerHtml: '<div class="container main-header">\n</div>',
  scorecardHtml: '<div id="nvScorecardTab"></div>',
});

describe('createJsonLinesHtmlQueue', () => {
  it('writes one JSON object per line, newlines inside the HTML escaped', async () => {
    const out = new PassThrough();
    const queue = createJsonLinesHtmlQueue(out);
    await queue.send(message(1));
    await queue.send(message(2));
    const lines = String(out.read()).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines.slice(0, 2).map((line) => JSON.parse(line))).toEqual([message(1), message(2)]);
  });

  it('rejects when the stream cannot take the line, so the send is retried', async () => {
    const broken = new Writable({ write: (_chunk, _encoding, done) => done(new Error('EPIPE')) });
    broken.on('error', () => undefined);
    await expect(createJsonLinesHtmlQueue(broken).send(message(1))).rejects.toThrow('EPIPE');
  });
});
