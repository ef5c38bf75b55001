import { createHash } from 'node:crypto';
import {
  CreateTagsCommand,
  DescribeInstancesCommand,
  paginateDescribeInstances,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type Instance,
} from '@aws-sdk/client-ec2';
import type { ScraperFleet, ScraperHost, WatchedMatch } from '@live-scores/core';
import { MatchDay } from '@live-scores/schema';
import { hasErrorName } from './aws-errors.ts';
import { MATCHES_TAG, matchesTagValue, parseMatchesTag } from './scraper-host-user-data.ts';

export interface Ec2ScraperFleetOptions {
  client: EC2Client;
  /** The club's slug: every host is tagged `Owner=<slug>`, which is how list and sweep find them. */
  clubSlug: string;
  /** Match pages are `<leagueBaseUrl>/website/results/<matchId>`. */
  leagueBaseUrl: string;
  /**
   * What starting a host needs; teardown and sweep, which only list and terminate, leave it
   * out. Everything else the host needs (queue, bucket, region, the scraper itself) is in
   * the launch template's user data.
   */
  launch?: { launchTemplateId: string };
}

export const ROLE_TAG_VALUE = 'scraper';

/**
 * Scraper hosts as EC2 instances from the club's launch template, tagged `Owner`, `Role`,
 * `Date` and `Matches`. The request carries no user data: the template's own installs the
 * scraper and its supervisor, which reads the `Matches` tag from instance metadata. A match
 * found later is added to that tag; the supervisor reads it every minute and restarts the
 * scraper with the new set (see `scraperSupervisorScript`).
 */
export function createEc2ScraperFleet(options: Ec2ScraperFleetOptions): ScraperFleet {
  const { client, clubSlug } = options;
  const matchUrl = (matchId: string): string =>
    new URL(`/website/results/${matchId}`, options.leagueBaseUrl).href;

  function toHost(instance: Instance): ScraperHost | undefined {
    const tag = (key: string): string | undefined => instance.Tags?.find((t) => t.Key === key)?.Value;
    const date = MatchDay.safeParse(tag('Date'));
    if (!instance.InstanceId || !date.success) return undefined;
    return {
      id: instance.InstanceId,
      date: date.data,
      matches: parseMatchesTag(tag(MATCHES_TAG) ?? '', matchUrl),
    };
  }

  async function describe(hostId: string): Promise<ScraperHost | undefined> {
    const out = await client.send(new DescribeInstancesCommand({ InstanceIds: [hostId] }));
    const instance = out.Reservations?.flatMap((r) => r.Instances ?? [])[0];
    return instance ? toHost(instance) : undefined;
  }

  return {
    async start(date, matches) {
      const launch = options.launch;
      if (!launch)
        throw new Error('this scraper fleet was built without launch settings; it cannot start hosts');
      const out = await client.send(
        new RunInstancesCommand({
          LaunchTemplate: { LaunchTemplateId: launch.launchTemplateId, Version: '$Latest' },
          MinCount: 1,
          MaxCount: 1,
          // The same request retried (a Lambda retry) returns the same instance, not a second one.
          ClientToken: clientToken(clubSlug, date, matches),
          TagSpecifications: [
            {
              ResourceType: 'instance',
              Tags: [
                { Key: 'Name', Value: `live-scores-scraper-${clubSlug}-${date}` },
                { Key: 'Owner', Value: clubSlug },
                { Key: 'Role', Value: ROLE_TAG_VALUE },
                { Key: 'Date', Value: date },
                { Key: MATCHES_TAG, Value: matchesTagValue(matches) },
              ],
            },
          ],
        }),
      );
      const id = out.Instances?.[0]?.InstanceId;
      if (!id) throw new Error(`RunInstances started no scraper host for ${clubSlug} on ${date}`);
      return { id, date, matches: [...matches] };
    },

    async addMatch(hostId, match) {
      const host = await describe(hostId);
      if (!host) throw new Error(`scraper host ${hostId} not found`);
      if (host.matches.some((m) => m.matchId === match.matchId)) return;
      await client.send(
        new CreateTagsCommand({
          Resources: [hostId],
          Tags: [{ Key: MATCHES_TAG, Value: matchesTagValue([...host.matches, match]) }],
        }),
      );
    },

    async terminate(hostId) {
      try {
        await client.send(new TerminateInstancesCommand({ InstanceIds: [hostId] }));
      } catch (error) {
        if (!hasErrorName(error, 'InvalidInstanceID.NotFound')) throw error;
      }
    },

    async list() {
      const hosts: ScraperHost[] = [];
      const pages = paginateDescribeInstances(
        { client },
        {
          Filters: [
            { Name: 'tag:Owner', Values: [clubSlug] },
            { Name: 'tag:Role', Values: [ROLE_TAG_VALUE] },
            { Name: 'instance-state-name', Values: ['pending', 'running'] },
          ],
        },
      );
      for await (const page of pages) {
        for (const instance of page.Reservations?.flatMap((r) => r.Instances ?? []) ?? []) {
          const host = toHost(instance);
          if (host) hosts.push(host);
        }
      }
      return hosts;
    },
  };
}

function clientToken(clubSlug: string, date: string, matches: readonly WatchedMatch[]): string {
  const ids = matches.map((m) => m.matchId).sort();
  return createHash('sha256')
    .update(`${clubSlug}|${date}|${ids.join(',')}`)
    .digest('hex')
    .slice(0, 64);
}
