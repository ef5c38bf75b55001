import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { generateVapidKeys } from '@live-scores/push';
import { describePageContract } from '@live-scores/test-support/page-contract';
import { mockClient } from 'aws-sdk-client-mock';
import { handler as oversApi } from './overs-api.ts';
import { handler as recordOvers } from './record-overs.ts';
import { handler as reportApi } from './report-api.ts';
import { handler as scorecardsApi } from './scorecards-api.ts';
import { handler as storeScorecard } from './store-scorecard.ts';
import { handler as subscriptionsApi } from './subscriptions-api.ts';
import { lambdaContext, sqsEvent, sqsRecord, TEST_CONFIG } from './testing/events.ts';
import { createHttpApiGateway } from './testing/http-api-gateway.ts';
import { ConditionalBucket } from './testing/memory-bucket.ts';

const PAGE_ORIGIN = 'https://www.cleckheatoncc.example';

describePageContract('the Lambda functions behind the HTTP API (payload v2 events)', async () => {
  const s3 = mockClient(S3Client);
  const ssm = mockClient(SSMClient);
  const dynamo = mockClient(DynamoDBDocumentClient);
  const bucket = new ConditionalBucket();
  const vapid = generateVapidKeys();
  bucket.serve(s3);
  // No live page is open: record-overs has no one to send a history to.
  dynamo.on(ScanCommand).resolves({ Items: [] });
  ssm.on(GetParameterCommand).resolves({ Parameter: { Value: vapid.privateKey } });
  const saved = { ...process.env };
  Object.assign(process.env, {
    SCORECARD_BUCKET: 'live-scores-scorecards',
    SUBSCRIPTIONS_TABLE: 'subscriptions',
    CONNECTIONS_TABLE: 'connections',
    WS_MANAGEMENT_ENDPOINT: 'https://abc123.execute-api.eu-west-2.amazonaws.com/live',
    BROADCAST_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/123456789012/broadcast-batches',
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY_PARAMETER: '/live-scores/cleckheaton/vapid-private-key',
    LIVE_SCORES_CONFIG_JSON: JSON.stringify({ ...TEST_CONFIG, server: { pageOrigins: [PAGE_ORIGIN] } }),
  });
  const gateway = createHttpApiGateway({
    'report-api': reportApi,
    'overs-api': oversApi,
    'scorecards-api': scorecardsApi,
    'subscriptions-api': subscriptionsApi,
  });
  let delivery = 0;

  return {
    vapidPublicKey: vapid.publicKey,
    pageOrigin: PAGE_ORIGIN,
    async request(method, path, init = {}) {
      const result = await gateway({ method, path, headers: init.headers ?? {}, body: init.body });
      return {
        status: result.statusCode ?? 200,
        headers: Object.fromEntries(
          Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
        ),
        body: result.body ?? '',
      };
    },
    async store(scorecard) {
      const id = `m${++delivery}`;
      for (const [name, consumer] of [
        ['store-scorecard', storeScorecard],
        ['record-overs', recordOvers],
      ] as const) {
        const response = await consumer(sqsEvent(sqsRecord(JSON.stringify(scorecard), id)), lambdaContext);
        if (response.batchItemFailures.length > 0) throw new Error(`${name} failed ${id}`);
      }
    },
    async close() {
      s3.restore();
      ssm.restore();
      dynamo.restore();
      process.env = saved;
    },
  };
});
