import {
  CreateTagsCommand,
  DescribeInstancesCommand,
  EC2Client,
  EC2ServiceException,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createEc2ScraperFleet } from './ec2-scraper-fleet.ts';

const ec2 = mockClient(EC2Client);
const fleet = createEc2ScraperFleet({
  client: new EC2Client({ region: 'eu-west-2' }),
  clubSlug: 'cleckheaton',
  leagueBaseUrl: 'https://bradfordcl.play-cricket.com',
  launch: { launchTemplateId: 'lt-0123' },
});
const base = 'https://bradfordcl.play-cricket.com/website/results';
const first = { matchId: '6123456', teamId: 'firstTeam', url: `${base}/6123456` };
const second = { matchId: '6123457', teamId: 'secondTeam', url: `${base}/6123457` };

afterEach(() => ec2.reset());

describe('the EC2 scraper fleet', () => {
  it('starts one tagged host from the launch template, with the matches in its tags and no user data of its own', async () => {
    ec2.on(RunInstancesCommand).resolves({ Instances: [{ InstanceId: 'i-0abc' }] });

    const host = await fleet.start('2025-06-14', [first, second]);

    expect(host).toEqual({ id: 'i-0abc', date: '2025-06-14', matches: [first, second] });
    const input = ec2.commandCalls(RunInstancesCommand)[0]!.args[0].input;
    // The template's user data installs and supervises the scraper; a request's own would replace it.
    expect(Object.keys(input).sort()).toEqual(
      ['ClientToken', 'LaunchTemplate', 'MaxCount', 'MinCount', 'TagSpecifications'].sort(),
    );
    expect(input.LaunchTemplate).toEqual({ LaunchTemplateId: 'lt-0123', Version: '$Latest' });
    expect([input.MinCount, input.MaxCount]).toEqual([1, 1]);
    expect(input.TagSpecifications).toEqual([
      {
        ResourceType: 'instance',
        Tags: [
          { Key: 'Name', Value: 'live-scores-scraper-cleckheaton-2025-06-14' },
          { Key: 'Owner', Value: 'cleckheaton' },
          { Key: 'Role', Value: 'scraper' },
          { Key: 'Date', Value: '2025-06-14' },
          { Key: 'Matches', Value: 'firstTeam:6123456 secondTeam:6123457' },
        ],
      },
    ]);
  });

  it('sends the same client token when the same start is retried, so a retry cannot start a second host', async () => {
    ec2.on(RunInstancesCommand).resolves({ Instances: [{ InstanceId: 'i-0abc' }] });
    await fleet.start('2025-06-14', [first, second]);
    await fleet.start('2025-06-14', [second, first]);
    await fleet.start('2025-06-14', [first]);
    const tokens = ec2.commandCalls(RunInstancesCommand).map((c) => c.args[0].input.ClientToken);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[2]).not.toBe(tokens[0]);
    expect(tokens[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('adds a match to a running host by rewriting its Matches tag, leaving a watched one alone', async () => {
    ec2.on(DescribeInstancesCommand, { InstanceIds: ['i-0abc'] }).resolves({
      Reservations: [
        {
          Instances: [
            {
              InstanceId: 'i-0abc',
              Tags: [
                { Key: 'Date', Value: '2025-06-14' },
                { Key: 'Matches', Value: 'firstTeam:6123456' },
              ],
            },
          ],
        },
      ],
    });
    ec2.on(CreateTagsCommand).resolves({});

    await fleet.addMatch('i-0abc', second);
    await fleet.addMatch('i-0abc', first);

    expect(ec2.commandCalls(CreateTagsCommand).map((c) => c.args[0].input)).toEqual([
      { Resources: ['i-0abc'], Tags: [{ Key: 'Matches', Value: 'firstTeam:6123456 secondTeam:6123457' }] },
    ]);
  });

  it("lists the club's starting and running scraper hosts across every page", async () => {
    const instance = (id: string, matches: string) => ({
      InstanceId: id,
      Tags: [
        { Key: 'Owner', Value: 'cleckheaton' },
        { Key: 'Date', Value: '2025-06-14' },
        { Key: 'Matches', Value: matches },
      ],
    });
    ec2
      .on(DescribeInstancesCommand)
      .resolvesOnce({
        Reservations: [{ Instances: [instance('i-1', 'firstTeam:6123456')] }],
        NextToken: 'page-2',
      })
      .resolves({ Reservations: [{ Instances: [instance('i-2', 'secondTeam:6123457')] }] });

    const hosts = await fleet.list();

    expect(hosts).toEqual([
      { id: 'i-1', date: '2025-06-14', matches: [first] },
      { id: 'i-2', date: '2025-06-14', matches: [second] },
    ]);
    const calls = ec2.commandCalls(DescribeInstancesCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input).toEqual({
      Filters: [
        { Name: 'tag:Owner', Values: ['cleckheaton'] },
        { Name: 'tag:Role', Values: ['scraper'] },
        { Name: 'instance-state-name', Values: ['pending', 'running'] },
      ],
      NextToken: 'page-2',
    });
  });

  it('terminates a host, and treats one that is already gone as terminated', async () => {
    ec2
      .on(TerminateInstancesCommand)
      .resolvesOnce({})
      .rejects(
        new EC2ServiceException({
          name: 'InvalidInstanceID.NotFound',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
        }),
      );

    await fleet.terminate('i-0abc');
    await expect(fleet.terminate('i-0gone')).resolves.toBeUndefined();
    expect(ec2.commandCalls(TerminateInstancesCommand).map((c) => c.args[0].input)).toEqual([
      { InstanceIds: ['i-0abc'] },
      { InstanceIds: ['i-0gone'] },
    ]);
  });
});
