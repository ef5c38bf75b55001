import { SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from './update-cms.ts';
import { lambdaContext, scorecard, sqsEvent, sqsRecord, TEST_CONFIG } from './testing/events.ts';

const ssm = mockClient(SSMClient);

beforeAll(() => {
  process.env.LIVE_SCORES_CONFIG_JSON = JSON.stringify(TEST_CONFIG);
  delete process.env.CMS_TOKEN_PARAMETER;
});
afterAll(() => ssm.restore());

describe('the update-cms handler without a CMS configured', () => {
  it('succeeds without reading a token or calling anything', async () => {
    const final = scorecard({ status: 'complete', result: 'MATCH TIED' });
    const response = await handler(sqsEvent(sqsRecord(JSON.stringify(final), 'a')), lambdaContext);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(ssm.calls()).toHaveLength(0);
  });
});
