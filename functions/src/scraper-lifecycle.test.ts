import { DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  CreateTagsCommand,
  DescribeInstancesCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { FixtureRecord } from '@live-scores/schema';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as launch } from './launch-scraper.ts';
import { handler as sweep } from './sweep-scrapers.ts';
import { handler as teardown } from './teardown-scraper.ts';
import { lambdaContext, scorecard, sqsEvent, sqsRecord, TEST_CONFIG } from './testing/events.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const ec2 = mockClient(EC2Client);

beforeAll(() => {
  process.env.FIXTURES_TABLE = 'live-scores-fixtures';
  process.env.SCRAPER_LAUNCH_TEMPLATE_ID = 'lt-0123';
  process.env.LIVE_SCORES_CONFIG_JSON = JSON.stringify(TEST_CONFIG);
});
beforeEach(() => {
  ddb.reset();
  ec2.reset();
});
afterAll(() => {
  ddb.restore();
  ec2.restore();
});

const fixture = (matchId: string, overrides: Partial<FixtureRecord> = {}): FixtureRecord => ({
  date: '2025-06-14',
  matchId,
  teamId: matchId === '6123456' ? 'firstTeam' : 'secondTeam',
  url: `https://bradfordcl.play-cricket.com/website/results/${matchId}`,
  status: 'live',
  hostId: null,
  discoveredAt: '2025-06-14T10:30:00.000Z',
  completedAt: null,
  ...overrides,
});
const item = (record: FixtureRecord) => ({
  pk: record.date,
  sk: record.matchId,
  ...record,
  expiresAt: 1749983400,
});

function streamRecord(
  eventName: 'INSERT' | 'MODIFY',
  record: Record<string, unknown>,
  id: string,
): DynamoDBRecord {
  return {
    eventID: id,
    eventName,
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-2',
    eventSourceARN:
      'arn:aws:dynamodb:eu-west-2:123456789012:table/live-scores-fixtures/stream/2025-06-14T00:00:00.000',
    dynamodb: {
      Keys: marshall({ pk: record.pk, sk: record.sk }) as never,
      NewImage: marshall(record, { removeUndefinedValues: true }) as never,
      SequenceNumber: id,
      StreamViewType: 'NEW_IMAGE',
    },
  };
}

describe('the launch-scraper handler (fixtures table stream)', () => {
  it('starts one host for a new fixture, records it on the fixture, and ignores MODIFY records', async () => {
    ddb.on(GetCommand).resolves({ Item: item(fixture('6123456')) });
    ddb.on(QueryCommand).resolves({ Items: [item(fixture('6123456'))] });
    ddb.on(UpdateCommand).resolves({});
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    ec2.on(RunInstancesCommand).resolves({ Instances: [{ InstanceId: 'i-0new' }] });
    const event: DynamoDBStreamEvent = {
      Records: [
        streamRecord('INSERT', item(fixture('6123456')), '1'),
        streamRecord('MODIFY', item(fixture('6123456', { hostId: 'i-0new' })), '2'),
      ],
    };

    expect(await launch(event, lambdaContext)).toEqual({ batchItemFailures: [] });

    expect(ec2.commandCalls(RunInstancesCommand)).toHaveLength(1);
    const input = ec2.commandCalls(RunInstancesCommand)[0]!.args[0].input;
    expect(input.LaunchTemplate).toEqual({ LaunchTemplateId: 'lt-0123', Version: '$Latest' });
    expect(input.UserData).toBeUndefined();
    const tags = input.TagSpecifications![0]!.Tags;
    expect(tags).toContainEqual({ Key: 'Owner', Value: 'cleckheaton' });
    expect(tags).toContainEqual({ Key: 'Matches', Value: 'firstTeam:6123456' });
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input.ExpressionAttributeValues).toEqual({
      ':hostId': 'i-0new',
    });
  });

  it('does nothing for a redelivered INSERT whose fixture already has a host', async () => {
    ddb.on(GetCommand).resolves({ Item: item(fixture('6123456', { hostId: 'i-0new' })) });
    const event = { Records: [streamRecord('INSERT', item(fixture('6123456')), '1')] };
    expect(await launch(event, lambdaContext)).toEqual({ batchItemFailures: [] });
    expect(ec2.commandCalls(RunInstancesCommand)).toHaveLength(0);
    expect(ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(0);
  });

  it('adds a match found later to the running host instead of starting another', async () => {
    ddb.on(GetCommand).resolves({ Item: item(fixture('6123457')) });
    ddb.on(UpdateCommand).resolves({});
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          Instances: [
            {
              InstanceId: 'i-0day',
              Tags: [
                { Key: 'Date', Value: '2025-06-14' },
                { Key: 'Matches', Value: 'firstTeam:6123456' },
              ],
            },
          ],
        },
      ],
    });
    const event = { Records: [streamRecord('INSERT', item(fixture('6123457')), '3')] };

    expect(await launch(event, lambdaContext)).toEqual({ batchItemFailures: [] });
    expect(ec2.commandCalls(RunInstancesCommand)).toHaveLength(0);
    expect(ec2.commandCalls(CreateTagsCommand)[0]!.args[0].input).toEqual({
      Resources: ['i-0day'],
      Tags: [{ Key: 'Matches', Value: 'firstTeam:6123456 secondTeam:6123457' }],
    });
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input.ExpressionAttributeValues).toEqual({
      ':hostId': 'i-0day',
    });
  });

  it('starts one host for two fixtures inserted in one batch: the records are handled one after the other', async () => {
    // A table and a fleet that remember what was written, so the second record sees the first's host.
    const rows = new Map([fixture('6123456'), fixture('6123457')].map((f) => [f.matchId, item(f)]));
    ddb
      .on(GetCommand)
      .callsFake(async (input: { Key: { sk: string } }) => ({ Item: rows.get(input.Key.sk) }));
    ddb.on(QueryCommand).callsFake(async () => ({ Items: [...rows.values()] }));
    ddb
      .on(UpdateCommand)
      .callsFake(async (input: { Key: { sk: string }; ExpressionAttributeValues: { ':hostId': string } }) => {
        const row = rows.get(input.Key.sk)!;
        rows.set(input.Key.sk, { ...row, hostId: input.ExpressionAttributeValues[':hostId'] });
        return {};
      });
    const instances: { InstanceId: string; Tags: { Key: string; Value: string }[] }[] = [];
    ec2
      .on(DescribeInstancesCommand)
      .callsFake(async () => ({ Reservations: [{ Instances: [...instances] }] }));
    ec2.on(RunInstancesCommand).callsFake(async (input: { TagSpecifications: { Tags: never[] }[] }) => {
      const instance = {
        InstanceId: `i-0host${instances.length + 1}`,
        Tags: input.TagSpecifications[0]!.Tags,
      };
      instances.push(instance);
      return { Instances: [instance] };
    });
    ec2.on(CreateTagsCommand).resolves({});
    const event = {
      Records: [
        streamRecord('INSERT', item(fixture('6123456')), '1'),
        streamRecord('INSERT', item(fixture('6123457')), '2'),
      ],
    };

    expect(await launch(event, lambdaContext)).toEqual({ batchItemFailures: [] });

    expect(ec2.commandCalls(RunInstancesCommand)).toHaveLength(1);
    expect(instances[0]!.Tags).toContainEqual({
      Key: 'Matches',
      Value: 'firstTeam:6123456 secondTeam:6123457',
    });
    expect([...rows.values()].map((row) => row.hostId)).toEqual(['i-0host1', 'i-0host1']);
  });

  it('fails only a record whose image is not a fixture', async () => {
    ddb.on(GetCommand).resolves({ Item: item(fixture('6123456', { hostId: 'i-0new' })) });
    const event = {
      Records: [
        streamRecord('INSERT', item(fixture('6123456')), '1'),
        streamRecord('INSERT', { pk: '2025-06-14', sk: 'x', matchId: 'not-digits' }, '2'),
      ],
    };
    expect(await launch(event, lambdaContext)).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
  });
});

describe('the teardown-scraper handler', () => {
  const final = scorecard({
    status: 'complete',
    result: 'MATCH TIED',
    capturedAt: '2025-06-14T17:00:00.000Z',
  });

  it('terminates the host when the finished match was the last live one it watched', async () => {
    ddb
      .on(UpdateCommand)
      .resolves({ Attributes: item(fixture('6123456', { hostId: 'i-0day', status: 'complete' })) });
    ddb.on(QueryCommand).resolves({ Items: [item(fixture('6123457', { hostId: 'i-0other' }))] });
    ec2.on(TerminateInstancesCommand).resolves({});

    expect(await teardown(sqsEvent(sqsRecord(JSON.stringify(final), 'm')), lambdaContext)).toEqual({
      batchItemFailures: [],
    });
    expect(ec2.commandCalls(TerminateInstancesCommand).map((c) => c.args[0].input)).toEqual([
      { InstanceIds: ['i-0day'] },
    ]);
  });

  it('keeps the host while another of its matches is live, also on a duplicate delivery', async () => {
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'failed', $metadata: {} }));
    ddb.on(GetCommand).resolves({ Item: item(fixture('6123456', { hostId: 'i-0day', status: 'complete' })) });
    ddb.on(QueryCommand).resolves({ Items: [item(fixture('6123457', { hostId: 'i-0day' }))] });

    expect(await teardown(sqsEvent(sqsRecord(JSON.stringify(final), 'dup')), lambdaContext)).toEqual({
      batchItemFailures: [],
    });
    expect(ec2.commandCalls(TerminateInstancesCommand)).toHaveLength(0);
  });
});

describe('the sweep-scrapers handler', () => {
  it('terminates every host still tagged for the club and returns their ids', async () => {
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        { Instances: [{ InstanceId: 'i-1', Tags: [{ Key: 'Date', Value: '2025-06-14' }] }] },
        { Instances: [{ InstanceId: 'i-2', Tags: [{ Key: 'Date', Value: '2025-06-14' }] }] },
      ],
    });
    ec2.on(TerminateInstancesCommand).resolves({});

    expect(await sweep({})).toEqual({ terminated: ['i-1', 'i-2'] });
    expect(ec2.commandCalls(TerminateInstancesCommand).map((c) => c.args[0].input.InstanceIds)).toEqual([
      ['i-1'],
      ['i-2'],
    ]);
  });
});
