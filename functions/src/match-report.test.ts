import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { SanityStub } from '@live-scores/cms-sanity';
import { MatchReport } from '@live-scores/schema';
import { mockClient } from 'aws-sdk-client-mock';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from './match-report.ts';
import { lambdaContext, scorecard, sqsEvent, sqsRecord, TEST_CONFIG } from './testing/events.ts';

const s3 = mockClient(S3Client);
const ssm = mockClient(SSMClient);
const sanity = new SanityStub();
const modelCalls: IncomingMessage['headers'][] = [];
const modelReport = {
  title: 'Cleckheaton 1st XI: match abandoned',
  body: 'Rain had the last word, and the Cleckheaton 1st XI did not get on the field.',
};
let model: Server;

beforeAll(async () => {
  const apiHost = await sanity.start();
  sanity.docs = [
    { _id: 'fx-1', _rev: sanity.nextRev(), _type: 'fixture', team: 'firstTeam', date: '2025-06-14' },
  ];
  model = createServer((request, response) => {
    modelCalls.push(request.headers);
    request.resume().on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          choices: [{ message: { role: 'assistant', content: JSON.stringify(modelReport) } }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve));
  process.env.SCORECARD_BUCKET = 'scores';
  process.env.CMS_TOKEN_PARAMETER = '/live-scores/cms-token';
  process.env.LLM_API_KEY_PARAMETER = '/live-scores/llm-api-key';
  process.env.LIVE_SCORES_CONFIG_JSON = JSON.stringify({
    ...TEST_CONFIG,
    cms: { sanity: { projectId: 'abc123', apiHost, reportField: 'clubReport' } },
    report: {
      llm: {
        baseUrl: `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`,
        model: 'small',
        timeoutSeconds: 5,
      },
    },
  });
  ssm.on(GetParameterCommand, { Name: '/live-scores/cms-token', WithDecryption: true }).resolves({
    Parameter: { Name: '/live-scores/cms-token', Value: 'sk-cms' },
  });
  ssm.on(GetParameterCommand, { Name: '/live-scores/llm-api-key', WithDecryption: true }).resolves({
    Parameter: { Name: '/live-scores/llm-api-key', Value: 'sk-llm' },
  });
});
afterAll(async () => {
  s3.restore();
  ssm.restore();
  await sanity.stop();
  model.closeAllConnections();
  await new Promise((resolve) => model.close(resolve));
});

const final = scorecard({
  status: 'complete',
  result: 'MATCH ABANDONED',
  seq: 90,
  capturedAt: '2025-06-14T17:00:00.000Z',
});

describe('the match-report handler', () => {
  it('writes the report once: a create-only S3 put, the model asked once, the CMS written once', async () => {
    let stored: string | undefined;
    s3.on(GetObjectCommand).callsFake(() => {
      if (stored === undefined)
        throw new S3ServiceException({
          name: 'NoSuchKey',
          $fault: 'client',
          $metadata: { httpStatusCode: 404 },
        });
      return { Body: { transformToString: async () => stored } };
    });
    s3.on(PutObjectCommand).callsFake((input: { Body: string }) => {
      stored = input.Body;
      return { ETag: '"r1"' };
    });

    const body = JSON.stringify(final);
    const first = await handler(sqsEvent(sqsRecord(body, 'a')), lambdaContext);
    const again = await handler(sqsEvent(sqsRecord(body, 'b')), lambdaContext);

    expect([first.batchItemFailures, again.batchItemFailures]).toEqual([[], []]);
    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ Bucket: 'scores', Key: 'matches/6123456/report.json', IfNoneMatch: '*' });
    expect(MatchReport.parse(JSON.parse(stored!))).toMatchObject({
      ...modelReport,
      matchId: '6123456',
      generatedBy: 'llm',
    });
    expect(modelCalls.map((h) => h.authorization)).toEqual(['Bearer sk-llm']);
    expect(sanity.mutations).toHaveLength(1);
    expect(sanity.docs[0]).toMatchObject({ clubReport: modelReport, liveScoresReportMatchId: '6123456' });
  });

  it('fails the record for a retry when the bucket fails, and leaves the CMS alone', async () => {
    s3.reset();
    s3.on(GetObjectCommand).rejects(
      new S3ServiceException({ name: 'NoSuchKey', $fault: 'client', $metadata: { httpStatusCode: 404 } }),
    );
    s3.on(PutObjectCommand).rejects(
      new S3ServiceException({ name: 'InternalError', $fault: 'server', $metadata: { httpStatusCode: 500 } }),
    );
    const mutations = sanity.mutations.length;
    const result = await handler(
      sqsEvent(sqsRecord(JSON.stringify({ ...final, matchId: '6123408' }), 'c')),
      lambdaContext,
    );
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'c' }]);
    expect(sanity.mutations).toHaveLength(mutations);
  });
});
