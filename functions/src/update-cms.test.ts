import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { SanityStub } from '@live-scores/cms-sanity';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from './update-cms.ts';
import { lambdaContext, scorecard, sqsEvent, sqsRecord, TEST_CONFIG } from './testing/events.ts';

const ssm = mockClient(SSMClient);
const sanity = new SanityStub();

beforeAll(async () => {
  const apiHost = await sanity.start();
  sanity.docs = [
    { _id: 'fx-1', _rev: sanity.nextRev(), _type: 'fixture', team: 'firstTeam', date: '2025-06-14' },
  ];
  process.env.CMS_TOKEN_PARAMETER = '/live-scores/cms-token';
  process.env.LIVE_SCORES_CONFIG_JSON = JSON.stringify({
    ...TEST_CONFIG,
    cms: { sanity: { projectId: 'abc123', apiHost } },
  });
  ssm.on(GetParameterCommand, { Name: '/live-scores/cms-token', WithDecryption: true }).resolves({
    Parameter: { Name: '/live-scores/cms-token', Value: 'sk-from-ssm' },
  });
});
afterAll(async () => {
  ssm.restore();
  await sanity.stop();
});

const final = scorecard({
  status: 'complete',
  result: 'Cleckheaton WON BY 8 WICKETS',
  seq: 90,
  capturedAt: '2025-06-14T17:00:00.000Z',
});

describe('the update-cms handler', () => {
  it('records the result once, however often the final scorecard is delivered', async () => {
    const body = JSON.stringify(final);
    const first = await handler(sqsEvent(sqsRecord(body, 'a')), lambdaContext);
    const again = await handler(sqsEvent(sqsRecord(body, 'b'), sqsRecord(body, 'c')), lambdaContext);

    expect([first.batchItemFailures, again.batchItemFailures]).toEqual([[], []]);
    expect(sanity.mutations).toHaveLength(1);
    expect(sanity.docs[0]).toMatchObject({
      result: 'Cleckheaton WON BY 8 WICKETS',
      scorecardUrl: 'https://bradfordcl.play-cricket.com/website/results/6123456',
      liveScoresMatchId: '6123456',
    });
    expect(sanity.authorizations.every((a) => a === 'Bearer sk-from-ssm')).toBe(true);
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(1);
  });
});
