import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, writeMatchReport, type ReportModel } from '@live-scores/core';
import { createFileReportStore } from '@live-scores/local';
import { reportFacts, templateReport } from '@live-scores/notify';
import { playMatch, truthScorecard } from '@live-scores/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatCompletionsModel, SYSTEM_PROMPT } from './chat-completions-model.ts';

const timeline = playMatch({
  seed: 7,
  oversPerSide: 40,
  home: { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' },
  away: { club: 'Scholes CC', text: 'Scholes CC - 1st XI' },
});
const scorecard = truthScorecard(timeline, timeline.states.at(-1)!, {
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'http://127.0.0.1:8081/website/results/6123456',
  capturedAt: '2025-06-07T18:00:00.000Z',
});
const naming = { clubName: 'Cleckheaton', teamLabel: '1st XI' };
const facts = reportFacts(scorecard, naming);
const draft = templateReport(facts);
const first = facts.innings[0]!;
const scorer = first.scorers[0]!;

/** A report a careful model would write: only names and figures from the facts. */
const goodReport = {
  title: draft.title,
  body: `${first.team} made ${first.runs} after batting first, ${scorer.name} leading the way with ${scorer.runs}.\n\n${draft.body.split('\n\n')[0]}`,
};

type Answer = (response: ServerResponse) => void;
const completion =
  (content: string): Answer =>
  (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'c1',
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content } }],
      }),
    );
  };

let answer: Answer = completion(JSON.stringify(goodReport));
const requests: {
  headers: IncomingMessage['headers'];
  body: { model: string; messages: { role: string; content: string }[] };
}[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: JSON.parse(raw) });
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        response.writeHead(404).end();
        return;
      }
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const dirs: string[] = [];
afterEach(async () => {
  requests.length = 0;
  server.closeAllConnections();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const warnings: string[] = [];
const logger = createLogger({ service: 'test', level: 'warn', write: (line) => void warnings.push(line) });

async function report(model: ReportModel) {
  const dir = await mkdtemp(join(tmpdir(), 'report-llm-'));
  dirs.push(dir);
  const outcome = await writeMatchReport(
    {
      reports: createFileReportStore(dir),
      model,
      cms: undefined,
      clock: { now: () => new Date('2025-06-07T18:05:00.000Z') },
      logger,
    },
    scorecard,
    { naming, timeZone: 'Europe/London' },
  );
  if (outcome.kind === 'not-final') throw new Error('expected a final scorecard');
  return outcome.report;
}

const model = (timeoutSeconds = 5) =>
  createChatCompletionsModel({ baseUrl, model: 'llama3.1:8b', timeoutSeconds, apiKey: 'sk-local' });

describe('the chat-completions report model', () => {
  it('uses a good answer, and gives the model the facts, the draft and the rules, with the key as a bearer token', async () => {
    answer = completion(JSON.stringify(goodReport));
    expect(await report(model())).toMatchObject({ ...goodReport, generatedBy: 'llm' });
    const [sent] = requests;
    expect(sent!.headers.authorization).toBe('Bearer sk-local');
    expect(sent!.body.model).toBe('llama3.1:8b');
    expect(sent!.body.messages[0]).toEqual({ role: 'system', content: SYSTEM_PROMPT });
    const told = JSON.parse(sent!.body.messages[1]!.content);
    expect(told.draft).toEqual(draft);
    expect(told.facts.innings).toEqual(facts.innings);
    expect(told.facts.matchId).toBeUndefined();
  });

  it('reads an answer wrapped in a Markdown code fence', async () => {
    answer = completion('```json\n' + JSON.stringify(goodReport) + '\n```');
    expect((await report(model())).generatedBy).toBe('llm');
  });

  const fallbacks: [string, Answer][] = [
    [
      'an HTTP 500',
      (r) => r.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"overloaded"}'),
    ],
    [
      'a body that is not JSON',
      (r) => r.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": ['),
    ],
    ['content that is not the JSON asked for', completion('Here is your report: Cleckheaton won.')],
    ['a completion with no choices', (r) => r.writeHead(200).end('{"choices": []}')],
    [
      'a number that is not in the facts',
      completion(JSON.stringify({ ...goodReport, body: `${goodReport.body} The crowd of 4321 loved it.` })),
    ],
    [
      'a player who is not on the scorecard',
      completion(
        JSON.stringify({
          ...goodReport,
          body: `${goodReport.body} Zebedee Quartermain-Smythe bowled beautifully.`,
        }),
      ),
    ],
    [
      'a body longer than a report may be',
      completion(JSON.stringify({ ...goodReport, body: `${goodReport.body} `.repeat(40) })),
    ],
    ['an empty title', completion(JSON.stringify({ ...goodReport, title: ' ' }))],
  ];
  it.each(fallbacks)('falls back to the template on %s', async (_, bad) => {
    answer = bad;
    expect(await report(model())).toMatchObject({ ...draft, generatedBy: 'template' });
    expect(requests).toHaveLength(1);
  });

  it('falls back to the template when the model is slower than its timeout', async () => {
    const held: ServerResponse[] = [];
    answer = (response) => void held.push(response);
    const started = Date.now();
    expect(await report(model(0.3))).toMatchObject({ ...draft, generatedBy: 'template' });
    expect(held).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(warnings.some((w) => w.includes('model report failed'))).toBe(true);
  });

  it('falls back to the template when nothing listens at the configured address', async () => {
    const nowhere = createChatCompletionsModel({
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'm',
      timeoutSeconds: 5,
    });
    expect(await report(nowhere)).toMatchObject({ ...draft, generatedBy: 'template' });
  });
});
