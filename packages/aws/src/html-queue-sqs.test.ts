import { randomBytes } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SQS_MAX_MESSAGE_BYTES, type ScorecardHtml, decodeHtmlQueueBody } from '@live-scores/schema';
import { createSqsHtmlQueue } from './html-queue-sqs.ts';

const sqsMock = mockClient(SQSClient);
const s3Mock = mockClient(S3Client);
const QUEUE_URL = 'https://sqs.eu-west-2.amazonaws.com/123456789012/live-scores-html';
const BUCKET = 'live-scores-html-bodies';

function capture(scorecardHtml: string, seq = 7): ScorecardHtml {
  return {
    matchId: '6123456',
    teamId: 'firstTeam',
    url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
    capturedAt: '2026-06-13T14:05:09.120Z',
    seq,
    headerHtml: '<div class="container main-header"><span class="match-status">IN PROGRESS</span></div>',
    scorecardHtml,
  };
}

const ATTRIBUTES = {
  matchId: { DataType: 'String', StringValue: '6123456' },
  teamId: { DataType: 'String', StringValue: 'firstTeam' },
};

const sentBody = (): string => sqsMock.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageBody ?? '';
const noObjectStore = (): Promise<string> => Promise.reject(new Error('no object expected'));

describe('createSqsHtmlQueue', () => {
  const queue = createSqsHtmlQueue({
    queueUrl: QUEUE_URL,
    bucket: BUCKET,
    sqs: new SQSClient({ region: 'eu-west-2' }),
    s3: new S3Client({ region: 'eu-west-2' }),
  });

  beforeEach(() => {
    sqsMock.reset();
    s3Mock.reset();
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    s3Mock.on(PutObjectCommand).resolves({});
  });

  it('sends a message that fits as its JSON, with matchId and teamId attributes', async () => {
    const message = capture('<div id="nvScorecardTab">104 all out</div>');
    await queue.send(message);
    expect(sqsMock.commandCalls(SendMessageCommand).map((call) => call.args[0].input)).toEqual([
      { QueueUrl: QUEUE_URL, MessageBody: JSON.stringify(message), MessageAttributes: ATTRIBUTES },
    ]);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('gzips a message too large for SQS into an envelope the consumer can open', async () => {
    const row = '<div class="nvp-scorecard__table-row"><div class="nvp-scorecard__runs">37</div></div>';
    const message = capture(`<div id="nvScorecardTab">${row.repeat(4000)}</div>`);
    expect(JSON.stringify(message).length).toBeGreaterThan(SQS_MAX_MESSAGE_BYTES);
    await queue.send(message);
    const [call] = sqsMock.commandCalls(SendMessageCommand);
    expect(call?.args[0].input).toMatchObject({ QueueUrl: QUEUE_URL, MessageAttributes: ATTRIBUTES });
    const body = JSON.parse(sentBody()) as { encoding: string; data: string };
    expect(body.encoding).toBe('gzip-base64');
    expect(sentBody().length).toBeLessThan(SQS_MAX_MESSAGE_BYTES);
    expect(await decodeHtmlQueueBody(sentBody(), noObjectStore)).toEqual(message);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('stores a message too large even gzipped in the bucket and sends a reference to it', async () => {
    const message = capture(`<div id="nvScorecardTab">${randomBytes(300_000).toString('base64')}</div>`, 42);
    await queue.send(message);
    const puts = s3Mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(puts).toEqual([
      {
        Bucket: BUCKET,
        Key: 'html/6123456/42.json',
        Body: JSON.stringify(message),
        ContentType: 'application/json',
      },
    ]);
    expect(sqsMock.commandCalls(SendMessageCommand).map((call) => call.args[0].input)).toEqual([
      {
        QueueUrl: QUEUE_URL,
        MessageBody: JSON.stringify({ encoding: 's3', bucket: BUCKET, key: 'html/6123456/42.json' }),
        MessageAttributes: ATTRIBUTES,
      },
    ]);
    const fetchObject = async (bucket: string, key: string) => {
      expect([bucket, key]).toEqual([BUCKET, 'html/6123456/42.json']);
      return String(puts[0]?.Body);
    };
    expect(await decodeHtmlQueueBody(sentBody(), fetchObject)).toEqual(message);
  });

  it('rejects, naming the sizes, a message too large even gzipped when no bucket is configured', async () => {
    const bucketless = createSqsHtmlQueue({
      queueUrl: QUEUE_URL,
      sqs: new SQSClient({ region: 'eu-west-2' }),
      s3: new S3Client({ region: 'eu-west-2' }),
    });
    const message = capture(`<div id="nvScorecardTab">${randomBytes(300_000).toString('base64')}</div>`, 9);
    await expect(bucketless.send(message)).rejects.toThrow(
      /^message seq 9 of match 6123456 is \d+ bytes gzipped, over the queue's 262103, and no bucket is configured/,
    );
    expect(sqsMock.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('counts the attributes against the size limit', async () => {
    const small = createSqsHtmlQueue({
      queueUrl: QUEUE_URL,
      bucket: BUCKET,
      sqs: new SQSClient({ region: 'eu-west-2' }),
      s3: new S3Client({ region: 'eu-west-2' }),
      maxMessageBytes: 0,
    });
    const message = capture('<div id="nvScorecardTab">1 for 0</div>');
    const attributesBytes = 'matchId'.length + 'String'.length + 7 + 'teamId'.length + 'String'.length + 9;
    const exact = createSqsHtmlQueue({
      queueUrl: QUEUE_URL,
      bucket: BUCKET,
      sqs: new SQSClient({ region: 'eu-west-2' }),
      s3: new S3Client({ region: 'eu-west-2' }),
      maxMessageBytes: JSON.stringify(message).length + attributesBytes,
    });
    await exact.send(message);
    expect(sentBody()).toBe(JSON.stringify(message));
    sqsMock.resetHistory();
    await small.send(message);
    expect(JSON.parse(sentBody())).toMatchObject({ encoding: 's3' });
  });

  it('rejects when SQS refuses the message, so the scraper retries it', async () => {
    sqsMock.on(SendMessageCommand).rejects(new Error('ServiceUnavailable'));
    await expect(queue.send(capture('<div id="nvScorecardTab"></div>'))).rejects.toThrow(
      'ServiceUnavailable',
    );
  });
});
